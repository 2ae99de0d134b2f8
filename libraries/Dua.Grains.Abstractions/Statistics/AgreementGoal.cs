using Dua.Domain.Agreements;

namespace Dua.Grains.Statistics;

/// <summary>A goal of an agreement in force.</summary>
[GenerateSerializer, Immutable, Alias("dua.AgreementGoal")]
public sealed record AgreementGoal(
    [property: Id(0)] string AgreementId,
    [property: Id(1)] AgreementKind Kind,
    [property: Id(2)] Goal Goal);
