namespace Dua.Grains.LabourMarket;

/// <summary>
/// One municipality's unemployment for one month. The subgroups overlap (a newcomer aged 20 counts among the
/// 18-24 too), and each is part of <see cref="Unemployed16To64"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("dua.MonthlyFigures")]
public sealed record MonthlyFigures(
    [property: Id(0)] int Unemployed16To64,
    [property: Id(1)] int Unemployed18To24,
    [property: Id(2)] int UnemployedNewcomers,
    [property: Id(3)] int UnemployedOver12Months,
    [property: Id(4)] double? UnemploymentRate)
{
    /// <summary>No municipality has more people; a larger count is a typo.</summary>
    public const int MaxPersons = 1_000_000;

    /// <summary>
    /// The fields, named as in dua.v1, that make these figures impossible, with why; empty when they hold
    /// together. The grain refuses such figures; the edge asks first, to name every bad field at once.
    /// </summary>
    public IEnumerable<(string Field, string Description)> Violations()
    {
        var totalInRange = IsPersonCount(Unemployed16To64);
        if (!totalInRange)
        {
            yield return ("unemployed_16_64", PersonCountRule);
        }

        foreach (var (field, value) in new[]
        {
            ("unemployed_18_24", Unemployed18To24),
            ("unemployed_newcomers", UnemployedNewcomers),
            ("unemployed_over_12_months", UnemployedOver12Months),
        })
        {
            if (!IsPersonCount(value))
            {
                yield return (field, PersonCountRule);
            }
            else if (totalInRange && value > Unemployed16To64)
            {
                yield return (field, $"is a subgroup of unemployed_16_64 ({Unemployed16To64}) and cannot exceed it");
            }
        }

        if (UnemploymentRate is { } rate && (!double.IsFinite(rate) || rate is < 0 or > 100))
        {
            yield return ("unemployment_rate", "must be a percent between 0 and 100");
        }
    }

    private static readonly string PersonCountRule = $"must be between 0 and {MaxPersons.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}";

    private static bool IsPersonCount(int value) => value is >= 0 and <= MaxPersons;
}
