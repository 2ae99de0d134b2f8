using Dua.Grains.LabourMarket;

namespace Dua.Silo.Api;

/// <summary>Shape checks for labour-market requests; whether a month has begun is the grain's to decide.</summary>
public static class LabourMarketValidation
{
    /// <summary>A month "YYYY-MM" from 2000-01 to 2100-12; null when missing or bad (and recorded).</summary>
    public static DateOnly? RequireMonth(this RequestValidator validator, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            validator.Add(field, "is required: a month, YYYY-MM");
            return null;
        }

        return validator.OptionalMonth(field, value);
    }

    /// <summary>As <see cref="RequireMonth"/>, but an empty value means "not given" (null, no violation).</summary>
    public static DateOnly? OptionalMonth(this RequestValidator validator, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!ReportingMonth.TryParse(value, out var month))
        {
            validator.Add(field, "must be a month, YYYY-MM");
            return null;
        }

        if (month < ReportingMonth.Earliest || month > ReportingMonth.Latest)
        {
            validator.Add(field, $"must lie between {ReportingMonth.ToText(ReportingMonth.Earliest)} and {ReportingMonth.ToText(ReportingMonth.Latest)}");
            return null;
        }

        return month;
    }

    /// <summary>The figures' own consistency rules, each bad field named.</summary>
    public static RequestValidator ValidateFigures(this RequestValidator validator, MonthlyFigures figures)
    {
        foreach (var (field, description) in figures.Violations())
        {
            validator.Add(field, description);
        }

        return validator;
    }
}
