namespace Dua.Benchmarks.Growth;

/// <summary>The silo's garbage collections during the timed reads of one size: how many of each generation, and how long the silo stood still.</summary>
public sealed record GcPauses(int Gen0, int Gen1, int Gen2, double TotalPauseMs, double MaxPauseMs);
