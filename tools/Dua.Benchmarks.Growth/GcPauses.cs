namespace Dua.Benchmarks.Growth;

/// <summary>The silo's garbage collections over a span of time (one timed read, or all reads of one size): how many of each generation, and how long the silo stood still.</summary>
public sealed record GcPauses(int Gen0, int Gen1, int Gen2, double TotalPauseMs, double MaxPauseMs)
{
    public static GcPauses None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The most GC heaps seen (server GC); 0 where not reported.</summary>
    public int Heaps { get; init; }

    public double MeanPauseMs => Gen0 + Gen1 + Gen2 == 0 ? 0 : TotalPauseMs / (Gen0 + Gen1 + Gen2);
}
