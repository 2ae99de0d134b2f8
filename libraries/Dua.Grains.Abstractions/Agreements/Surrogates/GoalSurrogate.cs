using Dua.Domain.Agreements;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Agreements.Surrogates;

/// <summary>How a goal is stored and sent; the ids are those it was first stored with: never renumber or reuse one.</summary>
[GenerateSerializer, Immutable, Alias("dua.Goal")]
public readonly record struct GoalSurrogate(
    [property: Id(0)] string Metric,
    [property: Id(1)] double? Baseline,
    [property: Id(2)] double Target,
    [property: Id(3)] DateOnly TargetDate,
    [property: Id(4)] string Unit);

[RegisterConverter]
public sealed class GoalConverter : IConverter<Goal, GoalSurrogate>
{
    public Goal ConvertFromSurrogate(in GoalSurrogate surrogate) =>
        new(surrogate.Metric, surrogate.Baseline, surrogate.Target, surrogate.TargetDate, surrogate.Unit);

    public GoalSurrogate ConvertToSurrogate(in Goal value) =>
        new(value.Metric, value.Baseline, value.Target, value.TargetDate, value.Unit);
}
