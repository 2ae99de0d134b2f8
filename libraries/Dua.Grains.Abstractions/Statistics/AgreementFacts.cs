using System.Collections.Immutable;
using Dua.Domain.Agreements;

namespace Dua.Grains.Statistics;

/// <summary>What the county's aggregates need of one agreement; <see cref="Version"/> orders the facts of one agreement.</summary>
[GenerateSerializer, Immutable, Alias("dua.AgreementFacts")]
public sealed record AgreementFacts(
    [property: Id(0)] string AgreementId,
    [property: Id(1)] long Version,
    [property: Id(2)] AgreementKind Kind,
    [property: Id(3)] AgreementStatus Status,
    [property: Id(4)] ImmutableArray<string> MunicipalityCodes,
    [property: Id(5)] ImmutableArray<JobTrackFacts> JobTracks,
    [property: Id(6)] ImmutableArray<Goal> Goals)
{
    public bool InForce => Status == AgreementStatus.Signed;

    public static AgreementFacts Of(AgreementSnapshot agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return new AgreementFacts(
            agreement.Id, agreement.Version, agreement.Kind, agreement.Status, agreement.MunicipalityCodes,
            [.. agreement.JobTracks.Select(t => new JobTrackFacts(t.Spec.OccupationCode, t.Open, t.Spec.Places, t.PlacesTaken))],
            agreement.Terms.Goals.IsDefault ? [] : agreement.Terms.Goals);
    }
}
