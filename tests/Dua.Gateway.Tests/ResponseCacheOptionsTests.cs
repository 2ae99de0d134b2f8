using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Dua.Gateway.Caching;
using Microsoft.Extensions.Configuration;

namespace Dua.Gateway.Tests;

public sealed class ResponseCacheOptionsTests
{
    [Fact]
    public void The_shipped_settings_cache_the_three_summary_reads_for_250_ms()
    {
        var shipped = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .Build()
            .GetSection(ResponseCacheOptions.SectionName)
            .Get<ResponseCacheOptions>()!;

        Assert.True(shipped.Enabled);
        Assert.Equal(TimeSpan.FromMilliseconds(250), shipped.TimeToLive);
        Assert.Equal(
            [
                "/dua.v1.StatisticsService/GetRegionSummary", "/dua.v1.StatisticsService/GetMunicipalitySummary", "/dua.v1.StatisticsService/GetNationalSummary",
                "/dua.v1.StatisticsService/GetRegionTrend", "/dua.v1.StatisticsService/GetMunicipalityTrend", "/dua.v1.StatisticsService/GetNationalTrend",
            ],
            shipped.Methods);
        Assert.Empty(Validate(shipped));
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:00.751")]
    [InlineData("00:00:05")]
    public void The_time_to_live_stays_within_the_freshness_budget(string timeToLive)
    {
        var options = new ResponseCacheOptions { TimeToLive = TimeSpan.Parse(timeToLive, CultureInfo.InvariantCulture) };

        Assert.Contains(Validate(options), message => message.Contains(nameof(ResponseCacheOptions.TimeToLive), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dua.v1.StatisticsService/GetRegionSummary")]
    [InlineData("/dua.v1.StatisticsService")]
    [InlineData("/dua.v1.StatisticsService/")]
    [InlineData("/dua.v1.StatisticsService/GetRegionSummary/extra")]
    [InlineData("//GetRegionSummary")]
    [InlineData("/dua.v1.StatisticsService/Get Region")]
    public void Methods_must_be_gRPC_method_paths(string method)
    {
        var options = new ResponseCacheOptions { Methods = [method] };

        Assert.Contains(Validate(options), message => message.Contains($"'{method}'", StringComparison.Ordinal));
    }

    private static List<string> Validate(ResponseCacheOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(result => result.ErrorMessage ?? "")];
    }
}
