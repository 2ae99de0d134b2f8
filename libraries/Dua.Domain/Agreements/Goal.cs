namespace Dua.Domain.Agreements;

/// <summary>A measurable joint goal.</summary>
public sealed record Goal(string Metric, double? Baseline, double Target, DateOnly TargetDate, string Unit);
