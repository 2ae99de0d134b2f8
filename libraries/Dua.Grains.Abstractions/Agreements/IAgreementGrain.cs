using Orleans.Concurrency;
using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;
using Dua.Domain.Requests;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Agreements;

/// <summary>One local agreement and its job tracks; keyed by <see cref="GrainKeys.Agreement"/>.</summary>
[Alias("dua.IAgreementGrain")]
public interface IAgreementGrain : IGrainWithStringKey
{
    /// <summary>The agreement, or null when none was created under this key.</summary>
    [Alias("Get")]
    [ReadOnly]
    Task<AgreementSnapshot?> GetAsync();

    [Alias("Create")]
    Task<AgreementSnapshot> CreateAsync(RequestKey request, AgreementDraft draft);

    [Alias("Amend")]
    Task<AgreementSnapshot> AmendAsync(RequestKey request, AgreementAmendment amendment);

    [Alias("AddJobTrack")]
    Task<JobTrackAdded> AddJobTrackAsync(RequestKey request, JobTrackSpec spec);

    [Alias("UpdateJobTrack")]
    Task<AgreementSnapshot> UpdateJobTrackAsync(RequestKey request, string jobTrackId, JobTrackSpec spec);

    [Alias("CloseJobTrack")]
    Task<AgreementSnapshot> CloseJobTrackAsync(RequestKey request, string jobTrackId);

    [Alias("Sign")]
    Task<AgreementSnapshot> SignAsync(RequestKey request, ValidityPeriod validity);

    [Alias("End")]
    Task<AgreementSnapshot> EndAsync(RequestKey request, EndReason reason, string note);

    /// <summary>Ends a signed agreement because <paramref name="successorId"/> was signed in its place. Idempotent.</summary>
    [Alias("Supersede")]
    Task SupersedeAsync(string successorId);

    /// <summary>Admits a participant to a SIGNED agreement: returns the participant's sequence number (1, 2, ...).</summary>
    [Alias("AdmitParticipant")]
    Task<int> AdmitParticipantAsync(RequestKey request);

    /// <summary>Gives a participant a place on an open job track with a free place. Idempotent per participant.</summary>
    [Alias("TakePlace")]
    Task TakePlaceAsync(string participantId, string jobTrackId);

    /// <summary>Frees whatever job-track place the participant holds. Idempotent.</summary>
    [Alias("ReleasePlace")]
    Task ReleasePlaceAsync(string participantId);
}
