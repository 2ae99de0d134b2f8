using Dua.Domain.Participants;
using Dua.Domain.Requests;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Participants;

/// <summary>One participant; keyed by <see cref="GrainKeys.Participant"/>. Its writes never touch other participants.</summary>
[Alias("dua.IParticipantGrain")]
public interface IParticipantGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<ParticipantSnapshot?> GetAsync();

    /// <summary>Starts the process in module 1; called by the person's grain, which keeps one open process per person.</summary>
    [Alias("Create")]
    Task<ParticipantSnapshot> CreateAsync(RequestKey request, Enrolment enrolment);

    [Alias("Record")]
    Task<ParticipantSnapshot> RecordAsync(RequestKey request, ProgressStep step);
}
