using Dua.Silo.Statistics;

namespace Dua.Silo.Hosting;

public static class StatisticsExtensions
{
    /// <summary>The summaries' options, validated at start-up, and this silo's copies of the counties' and the country's figures.</summary>
    public static IHostApplicationBuilder AddSiloStatistics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StatisticsOptions>().BindConfiguration(StatisticsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RegionStatisticsCache>();
        builder.Services.AddSingleton<NationalSummaries>();
        return builder;
    }
}
