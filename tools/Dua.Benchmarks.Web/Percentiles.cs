using System.Globalization;

namespace Dua.Benchmarks.Web;

/// <summary>Median and p99 of a set of samples in milliseconds (nearest rank).</summary>
public sealed record Percentiles(int Count, double Median, double P99, double Max)
{
    public static Percentiles Of(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(sorted.Length, Rank(0.5), Rank(0.99), sorted[^1]);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"n={Count}, median {Median:0.0} ms, p99 {P99:0.0} ms, max {Max:0.0} ms");
}
