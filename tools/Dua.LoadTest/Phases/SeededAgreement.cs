using Dua.Contracts.V1;
using Dua.LoadTest.Planning;

namespace Dua.LoadTest.Phases;

/// <summary>A planned agreement as the platform holds it: its id, status and the ids of its job tracks in plan order.</summary>
public sealed record SeededAgreement(AgreementPlan Plan, string AgreementId, AgreementStatus Status, IReadOnlyList<string> JobTrackIds)
{
    public string JobTrackId(int number) => JobTrackIds[number - 1];
}
