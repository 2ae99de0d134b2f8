using Dua.ServiceDefaults;
using Dua.Silo.Statistics;

namespace Dua.Silo.Hosting;

public static class StatisticsExtensions
{
    /// <summary>The summaries' options, validated at start-up, and this silo's copies of the counties' and the country's figures.</summary>
    public static IHostApplicationBuilder AddSiloStatistics(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<StatisticsOptions>(StatisticsOptions.Section);
        builder.Services.AddSingleton<RegionStatisticsCache>();
        builder.Services.AddSingleton<NationalSummaries>();
        builder.Services.AddSingleton<NationalTrends>();
        return builder;
    }
}
