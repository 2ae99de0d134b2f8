using Dua.Domain.Participants;
using Dua.Domain.Requests;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Participants;

/// <summary>
/// One person, known only by the keyed pseudonym of their personal identity number; keyed by
/// <see cref="GrainKeys.Person"/>. Holds the one open process a person may have at a time.
/// </summary>
[Alias("dua.IPersonGrain")]
public interface IPersonGrain : IGrainWithStringKey
{
    /// <summary>Enrols the person in an agreement, unless they already have an open process.</summary>
    [Alias("Enrol")]
    Task<ParticipantSnapshot> EnrolAsync(RequestKey request, Enrolment enrolment);

    /// <summary>The process ended (exit): the person may enrol again. Idempotent.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string participantId);
}
