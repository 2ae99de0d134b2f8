namespace Dua.Domain.Statistics;

/// <summary>A measurable goal of an agreement, as the statistics measure it (<see cref="GoalProgress"/>).</summary>
public sealed record GoalFacts(string Metric, double? Baseline, double Target, DateOnly TargetDate, string Unit);
