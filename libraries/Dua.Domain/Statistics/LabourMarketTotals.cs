using Dua.Domain.LabourMarket;

namespace Dua.Domain.Statistics;

/// <summary>Unemployment summed over municipalities (or a change between two such sums).</summary>
public sealed record LabourMarketTotals(long Unemployed16To64, long Unemployed18To24, long UnemployedNewcomers, long UnemployedOver12Months)
{
    public static LabourMarketTotals Zero { get; } = new(0, 0, 0, 0);

    public static LabourMarketTotals Sum(IEnumerable<IMonthlyFigures> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        long total = 0, young = 0, newcomers = 0, longTerm = 0;
        foreach (var f in figures)
        {
            total += f.Unemployed16To64;
            young += f.Unemployed18To24;
            newcomers += f.UnemployedNewcomers;
            longTerm += f.UnemployedOver12Months;
        }

        return new LabourMarketTotals(total, young, newcomers, longTerm);
    }

    public LabourMarketTotals Minus(LabourMarketTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new LabourMarketTotals(
            Unemployed16To64 - other.Unemployed16To64, Unemployed18To24 - other.Unemployed18To24,
            UnemployedNewcomers - other.UnemployedNewcomers, UnemployedOver12Months - other.UnemployedOver12Months);
    }
}
