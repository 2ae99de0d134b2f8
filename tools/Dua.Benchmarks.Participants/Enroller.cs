using System.Globalization;
using Dua.Contracts.V1;
using Grpc.Core;

namespace Dua.Benchmarks.Participants;

/// <summary>Enrols persons in an agreement, with a bounded number of calls in flight.</summary>
public sealed class Enroller(
    ParticipantService.ParticipantServiceClient participants, PersonGenerator persons, string runId, DateOnly enrolledOn, int concurrency)
{
    private int redrawn;

    /// <summary>
    /// Numbers drawn that already had an open process on the platform (a participant of an earlier run: a person
    /// may be in one process at a time, whatever the agreement), replaced by a new draw.
    /// </summary>
    public int Redrawn => Volatile.Read(ref redrawn);

    /// <summary>Enrols <paramref name="count"/> new persons.</summary>
    public Task EnrolNewAsync(BenchmarkAgreement agreement, int count) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), Limit(), async (_, _) =>
        {
            while (true)
            {
                try
                {
                    await EnrolAsync(agreement, persons.Next());
                    return;
                }
                catch (CallFailedException e) when (e.Status.StatusCode == StatusCode.FailedPrecondition && e.Status.Detail.Contains("already has an open process", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref redrawn);
                }
            }
        });

    /// <summary>Enrols persons again whose earlier process has ended: a new participant each.</summary>
    public Task EnrolAgainAsync(BenchmarkAgreement agreement, IEnumerable<Person> exited) =>
        Parallel.ForEachAsync(exited, Limit(), async (person, _) => await EnrolAsync(agreement, person));

    private async Task EnrolAsync(BenchmarkAgreement agreement, Person person)
    {
        var response = await participants.EnrolParticipantAsync(new EnrolParticipantRequest
        {
            RequestId = $"bench-{runId}-{agreement.Label}-enrol-{agreement.NextEnrolRequest()}",
            AgreementId = agreement.AgreementId,
            PersonalIdentityNumber = person.PersonalIdentityNumber,
            AgeBand = person.AgeBand,
            TargetGroups = { TargetGroup.Newcomers },
            EnrolledOn = enrolledOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        agreement.Enrolled(new EnrolledParticipant(response.Participant.ParticipantId, person));
    }

    private ParallelOptions Limit() => new() { MaxDegreeOfParallelism = concurrency };
}
