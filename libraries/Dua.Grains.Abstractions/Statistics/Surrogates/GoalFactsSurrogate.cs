using Dua.Domain.Statistics;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Statistics.Surrogates;

/// <summary>How Orleans carries a <see cref="GoalFacts"/> between silos. Ids are its serialized form: never renumber or reuse them.</summary>
[GenerateSerializer, Immutable, Alias("dua.GoalFacts")]
public readonly record struct GoalFactsSurrogate(
    [property: Id(0)] string Metric,
    [property: Id(1)] double? Baseline,
    [property: Id(2)] double Target,
    [property: Id(3)] DateOnly TargetDate,
    [property: Id(4)] string Unit);

[RegisterConverter]
public sealed class GoalFactsConverter : IConverter<GoalFacts, GoalFactsSurrogate>
{
    public GoalFacts ConvertFromSurrogate(in GoalFactsSurrogate surrogate) =>
        new(surrogate.Metric, surrogate.Baseline, surrogate.Target, surrogate.TargetDate, surrogate.Unit);

    public GoalFactsSurrogate ConvertToSurrogate(in GoalFacts value) =>
        new(value.Metric, value.Baseline, value.Target, value.TargetDate, value.Unit);
}
