using Orleans.Concurrency;
using Dua.Domain.Participants;
using Dua.Domain.Requests;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Participants;

/// <summary>One participant; keyed by <see cref="GrainKeys.Participant"/>. Its writes never touch other participants.</summary>
[Alias("dua.IParticipantGrain")]
public interface IParticipantGrain : IGrainWithStringKey
{
    [Alias("Get")]
    [ReadOnly]
    Task<ParticipantSnapshot?> GetAsync();

    /// <summary>
    /// The participant and its agreement's municipalities, for an access check without a call to the agreement;
    /// null when there is no such participant.
    /// </summary>
    [Alias("GetWithArea")]
    [ReadOnly]
    Task<ParticipantArea?> GetWithAreaAsync();

    /// <summary>Starts the process in module 1; called by the person's grain, which keeps one open process per person.</summary>
    [Alias("Create")]
    Task<ParticipantSnapshot> CreateAsync(RequestKey request, Enrolment enrolment);

    [Alias("Record")]
    Task<ParticipantSnapshot> RecordAsync(RequestKey request, ProgressStep step);
}
