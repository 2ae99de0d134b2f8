using System.Globalization;

namespace Dua.Domain.LabourMarket;

/// <summary>What makes monthly figures possible: counts of people within bounds, subgroups within the whole, a rate in percent.</summary>
public static class MonthlyFiguresRules
{
    /// <summary>No municipality has more people; a larger count is a typo.</summary>
    public const int MaxPersons = 1_000_000;

    // The fields, in domain terms; the edge names them as its contract does.
    public const string Unemployed16To64 = "unemployed16To64";
    public const string Unemployed18To24 = "unemployed18To24";
    public const string UnemployedNewcomers = "unemployedNewcomers";
    public const string UnemployedOver12Months = "unemployedOver12Months";
    public const string UnemploymentRate = "unemploymentRate";

    private static readonly string PersonCountRule = $"must be between 0 and {MaxPersons.ToString("N0", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Every field that makes these figures impossible, with why; empty when they hold together. The grain refuses
    /// such figures; the edge asks first, to name every bad field of a request at once.
    /// </summary>
    public static IEnumerable<FieldViolation> Violations(this IMonthlyFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var totalInRange = IsPersonCount(figures.Unemployed16To64);
        if (!totalInRange)
        {
            yield return new FieldViolation(Unemployed16To64, PersonCountRule);
        }

        foreach (var (field, value) in new[]
        {
            (Unemployed18To24, figures.Unemployed18To24),
            (UnemployedNewcomers, figures.UnemployedNewcomers),
            (UnemployedOver12Months, figures.UnemployedOver12Months),
        })
        {
            if (!IsPersonCount(value))
            {
                yield return new FieldViolation(field, PersonCountRule);
            }
            else if (totalInRange && value > figures.Unemployed16To64)
            {
                yield return new FieldViolation(field, $"is a subgroup of the unemployed aged 16-64 ({figures.Unemployed16To64}) and cannot exceed it");
            }
        }

        if (figures.UnemploymentRate is { } rate && (!double.IsFinite(rate) || rate is < 0 or > 100))
        {
            yield return new FieldViolation(UnemploymentRate, "must be a percent between 0 and 100");
        }
    }

    /// <summary>Refuses impossible figures, naming the first bad field.</summary>
    public static void RequirePossible(this IMonthlyFigures figures)
    {
        if (figures.Violations().FirstOrDefault() is { } violation)
        {
            throw violation.ToException();
        }
    }

    /// <summary>Whether two reports of a month say the same: reporting the same figures again is not a correction.</summary>
    public static bool SameAs(this IMonthlyFigures figures, IMonthlyFigures other)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(other);
        return (figures.Unemployed16To64, figures.Unemployed18To24, figures.UnemployedNewcomers, figures.UnemployedOver12Months, figures.UnemploymentRate).Equals(
                (other.Unemployed16To64, other.Unemployed18To24, other.UnemployedNewcomers, other.UnemployedOver12Months, other.UnemploymentRate));
    }

    private static bool IsPersonCount(int value) => value is >= 0 and <= MaxPersons;
}
