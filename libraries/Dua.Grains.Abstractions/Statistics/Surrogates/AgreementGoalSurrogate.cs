using Dua.Domain.Agreements;
using Dua.Domain.Statistics;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Statistics.Surrogates;

/// <summary>How Orleans carries a <see cref="AgreementGoal"/> between silos. Ids are its serialized form: never renumber or reuse them.</summary>
[GenerateSerializer, Immutable, Alias("dua.AgreementGoal")]
public readonly record struct AgreementGoalSurrogate(
    [property: Id(0)] string AgreementId,
    [property: Id(1)] AgreementKind Kind,
    [property: Id(2)] GoalFacts Goal);

[RegisterConverter]
public sealed class AgreementGoalConverter : IConverter<AgreementGoal, AgreementGoalSurrogate>
{
    public AgreementGoal ConvertFromSurrogate(in AgreementGoalSurrogate surrogate) =>
        new(surrogate.AgreementId, surrogate.Kind, surrogate.Goal);

    public AgreementGoalSurrogate ConvertToSurrogate(in AgreementGoal value) =>
        new(value.AgreementId, value.Kind, value.Goal);
}
