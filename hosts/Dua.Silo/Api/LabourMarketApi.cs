using Dua.Contracts.V1;
using Dua.Domain.LabourMarket;
using Dua.Grains;
using Dua.Silo.Security;
using Grpc.Core;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.LabourMarket;

namespace Dua.Silo.Api;

/// <summary>dua.v1.LabourMarketService: validates shape, maps, and leaves every rule to the municipality's labour-market grain.</summary>
public sealed class LabourMarketApi(IGrainFactory grains) : LabourMarketService.LabourMarketServiceBase
{
    public override async Task<ReportMonthlyFiguresResponse> ReportMonthlyFigures(ReportMonthlyFiguresRequest request, ServerCallContext context)
    {
        var figures = request.MapToDomain();
        var month = LabourMarketValidation.Validate(request, figures);
        AreaAccess.RequireWrite(context.GetCaller(), [request.MunicipalityCode]);

        var report = await LabourMarket(request.MunicipalityCode).ReportAsync(RequestFingerprint.KeyOf(request), month, figures);
        return new ReportMonthlyFiguresResponse { Figures = report.MapToContract() };
    }

    public override async Task<GetMonthlyFiguresResponse> GetMonthlyFigures(GetMonthlyFiguresRequest request, ServerCallContext context)
    {
        var month = LabourMarketValidation.Validate(request);
        AreaAccess.RequireMunicipality(context.GetCaller(), request.MunicipalityCode);

        var report = await LabourMarket(request.MunicipalityCode).GetAsync(month);
        if (report is null)
        {
            ApiErrors.NotFound("dua.v1.MonthlyFigures", $"{request.MunicipalityCode}/{request.Month}");
        }

        return new GetMonthlyFiguresResponse { Figures = report.MapToContract() };
    }

    public override async Task<ListMonthlyFiguresResponse> ListMonthlyFigures(ListMonthlyFiguresRequest request, ServerCallContext context)
    {
        var (from, to, before, pageSize) = LabourMarketValidation.Validate(request);
        AreaAccess.RequireMunicipality(context.GetCaller(), request.MunicipalityCode);

        // Newest first: the next page continues with the months before the last one returned.
        var reports = await LabourMarket(request.MunicipalityCode).ListAsync(new MonthlyReportQuery(from, to, before, pageSize + 1));

        var response = new ListMonthlyFiguresResponse();
        response.Figures.AddRange(reports.Take(pageSize).Select(r => r.MapToContract()));
        if (reports.Length > pageSize)
        {
            response.NextPageToken = new PageToken(LabourMarketValidation.ListFilter(request), ReportingMonth.ToText(reports[pageSize - 1].Month)).Encode();
        }

        return response;
    }

    private ILabourMarketGrain LabourMarket(string municipalityCode) =>
        grains.ByKey<ILabourMarketGrain>(GrainKeys.LabourMarket(municipalityCode));
}
