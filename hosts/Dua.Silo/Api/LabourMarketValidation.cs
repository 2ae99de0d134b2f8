using Dua.Contracts.V1;
using Dua.Domain.LabourMarket;

namespace Dua.Silo.Api;

/// <summary>
/// The shape of labour-market requests, every bad field named at once. Whether reported figures are possible is the
/// domain's rule (<see cref="MonthlyFiguresRules"/>), asked here too so that a client learns of every bad figure with
/// the rest; whether a month has begun is left to the municipality's labour-market grain.
/// </summary>
public static class LabourMarketValidation
{
    /// <summary>The month reported, once the request is well formed and its figures possible.</summary>
    public static DateOnly Validate(ReportMonthlyFiguresRequest request, IMonthlyFigures figures)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validator = new RequestValidator().RequireRequestId(request.RequestId);
        validator.RequireMunicipalityCode("municipality_code", request.MunicipalityCode);
        var month = validator.RequireMonth("month", request.Month);
        validator.Add(figures.Violations(), WireNames.Field);
        validator.ThrowIfInvalid();
        return month!.Value;
    }

    public static DateOnly Validate(GetMonthlyFiguresRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validator = new RequestValidator().RequireMunicipalityCode("municipality_code", request.MunicipalityCode);
        var month = validator.RequireMonth("month", request.Month);
        validator.ThrowIfInvalid();
        return month!.Value;
    }

    /// <summary>The months a listing asks for (newest first, before where the previous page ended) and how many.</summary>
    public static (DateOnly? From, DateOnly? To, DateOnly? Before, int PageSize) Validate(ListMonthlyFiguresRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validator = new RequestValidator().RequireMunicipalityCode("municipality_code", request.MunicipalityCode);
        var from = validator.OptionalMonth("from_month", request.FromMonth);
        var to = validator.OptionalMonth("to_month", request.ToMonth);
        if (from is not null && to is not null && to < from)
        {
            validator.Add("to_month", "must not be before from_month");
        }

        var pageSize = PageSize.Resolve(request.PageSize, validator);
        var after = PageToken.Decode(request.PageToken, ListFilter(request), key => ReportingMonth.TryParse(key, out _), validator);
        validator.ThrowIfInvalid();
        DateOnly? before = ReportingMonth.TryParse(after, out var last) ? last : null;
        return (from, to, before, pageSize);
    }

    /// <summary>What a listing's page tokens are bound to: its municipality and months.</summary>
    public static string ListFilter(ListMonthlyFiguresRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.MunicipalityCode}/{request.FromMonth}/{request.ToMonth}";
    }

    /// <summary>A month "YYYY-MM" from 2000-01 to 2100-12; null when missing or bad (and recorded).</summary>
    private static DateOnly? RequireMonth(this RequestValidator validator, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            validator.Add(field, "is required: a month, YYYY-MM");
            return null;
        }

        return validator.OptionalMonth(field, value);
    }

    /// <summary>As <see cref="RequireMonth"/>, but an empty value means "not given" (null, no violation).</summary>
    private static DateOnly? OptionalMonth(this RequestValidator validator, string field, string? value)
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
}
