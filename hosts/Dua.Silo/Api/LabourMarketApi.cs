using Dua.Contracts.V1;
using Dua.Grains;
using Dua.Grains.LabourMarket;
using Dua.Silo.Security;
using Grpc.Core;

namespace Dua.Silo.Api;

/// <summary>dua.v1.LabourMarketService: validates shape, maps, and leaves every rule to the municipality's labour-market grain.</summary>
public sealed class LabourMarketApi(IGrainFactory grains) : LabourMarketService.LabourMarketServiceBase
{
    public override async Task<ReportMonthlyFiguresResponse> ReportMonthlyFigures(ReportMonthlyFiguresRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator().RequireRequestId(request.RequestId);
        validator.RequireMunicipalityCode("municipality_code", request.MunicipalityCode);
        var month = validator.RequireMonth("month", request.Month);
        var figures = request.MapToDomain();
        validator.ValidateFigures(figures);
        validator.ThrowIfInvalid();
        AreaAccess.RequireWrite(context.GetCaller(), [request.MunicipalityCode]);

        var report = await LabourMarket(request.MunicipalityCode).ReportAsync(
            RequestFingerprint.KeyOf(request), month!.Value, figures);
        return new ReportMonthlyFiguresResponse { Figures = report.MapToContract() };
    }

    public override async Task<GetMonthlyFiguresResponse> GetMonthlyFigures(GetMonthlyFiguresRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator().RequireMunicipalityCode("municipality_code", request.MunicipalityCode);
        var month = validator.RequireMonth("month", request.Month);
        validator.ThrowIfInvalid();
        AreaAccess.RequireMunicipality(context.GetCaller(), request.MunicipalityCode);

        var report = await LabourMarket(request.MunicipalityCode).GetAsync(month!.Value);
        if (report is null)
        {
            ApiErrors.NotFound("dua.v1.MonthlyFigures", $"{request.MunicipalityCode}/{request.Month}");
        }

        return new GetMonthlyFiguresResponse { Figures = report.MapToContract() };
    }

    public override async Task<ListMonthlyFiguresResponse> ListMonthlyFigures(ListMonthlyFiguresRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator().RequireMunicipalityCode("municipality_code", request.MunicipalityCode);
        var from = validator.OptionalMonth("from_month", request.FromMonth);
        var to = validator.OptionalMonth("to_month", request.ToMonth);
        if (from is not null && to is not null && to < from)
        {
            validator.Add("to_month", "must not be before from_month");
        }

        var pageSize = PageSize.Resolve(request.PageSize, validator);
        var filter = $"{request.MunicipalityCode}/{request.FromMonth}/{request.ToMonth}";
        var after = PageToken.Decode(request.PageToken, filter, key => ReportingMonth.TryParse(key, out _), validator);
        validator.ThrowIfInvalid();
        AreaAccess.RequireMunicipality(context.GetCaller(), request.MunicipalityCode);

        // Newest first: the next page continues with the months before the last one returned.
        DateOnly? before = after is null ? null : ReportingMonth.TryParse(after, out var last) ? last : null;
        var reports = await LabourMarket(request.MunicipalityCode).ListAsync(new MonthlyReportQuery(from, to, before, pageSize + 1));

        var response = new ListMonthlyFiguresResponse();
        response.Figures.AddRange(reports.Take(pageSize).Select(r => r.MapToContract()));
        if (reports.Length > pageSize)
        {
            response.NextPageToken = new PageToken(filter, ReportingMonth.ToText(reports[pageSize - 1].Month)).Encode();
        }

        return response;
    }

    private ILabourMarketGrain LabourMarket(string municipalityCode) =>
        grains.GetGrain<ILabourMarketGrain>(GrainKeys.LabourMarket(municipalityCode));
}
