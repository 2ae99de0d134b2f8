using Dua.Domain.LabourMarket;
using Google.Protobuf.WellKnownTypes;
using V1 = Dua.Contracts.V1;
using Dua.Grains.Abstractions.LabourMarket;

namespace Dua.Silo.Api;

/// <summary>Maps monthly figures between the dua.v1 contract and the domain.</summary>
public static class LabourMarketMapping
{
    public static V1.MonthlyFigures MapToContract(this MonthlyReport r)
    {
        var figures = new V1.MonthlyFigures
        {
            MunicipalityCode = r.MunicipalityCode,
            Month = ReportingMonth.ToText(r.Month),
            Unemployed1664 = r.Figures.Unemployed16To64,
            Unemployed1824 = r.Figures.Unemployed18To24,
            UnemployedNewcomers = r.Figures.UnemployedNewcomers,
            UnemployedOver12Months = r.Figures.UnemployedOver12Months,
            Revision = r.Revision,
            ReportedAt = Timestamp.FromDateTimeOffset(r.ReportedAt),
        };
        if (r.Figures.UnemploymentRate is { } rate)
        {
            figures.UnemploymentRate = rate;
        }

        return figures;
    }

    public static MonthlyFigures MapToDomain(this V1.ReportMonthlyFiguresRequest r) =>
        new(r.Unemployed1664, r.Unemployed1824, r.UnemployedNewcomers, r.UnemployedOver12Months, r.HasUnemploymentRate ? r.UnemploymentRate : null);
}
