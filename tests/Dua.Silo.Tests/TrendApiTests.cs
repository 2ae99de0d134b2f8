using System.Globalization;
using Dua.Contracts.V1;
using Dua.Testing;
using Grpc.Core;
using static Dua.Testing.Requests.AgreementRequests;
using static Dua.Testing.Requests.ParticipantRequests;

namespace Dua.Silo.Tests;

/// <summary>dua.v1.StatisticsService trends on a real silo: months by the dates callers gave, suppression, bad input.</summary>
public sealed class TrendApiTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    private readonly StatisticsService.StatisticsServiceClient _statistics = new(silo.Channel);
    private readonly OperationsService.OperationsServiceClient _operations = new(silo.ChannelFor(TestCallers.Operations));
    private readonly AgreementService.AgreementServiceClient _agreements = new(silo.Channel);
    private readonly ParticipantService.ParticipantServiceClient _participants = new(silo.Channel);

    [Fact]
    public async Task Months_follow_the_dates_given_and_a_recount_agrees_with_every_month()
    {
        var (youth, _) = await SignedAgreementAsync(_agreements, AgreementKind.Youth, Hudiksvall, 1);
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await _participants.EnrolParticipantAsync(Enrol(youth, NewPerson().Ten))).Participant.ParticipantId); // Day1, February
        }

        await _participants.RecordProgressAsync(StartJobPreparation(ids[0], Day2));
        // Recorded now, it happened in March.
        await _participants.RecordProgressAsync(Exit(ids[1], ExitOutcome.Employment, Day2));

        var months = await RegionTrendWhenAsync(_statistics, "2026-01", "2026-12", t => t.Months[2].Exited.Value == 1);

        Assert.Equal(12, months.Count);
        Assert.Equal("2026-02", months[1].Month);
        Assert.Equal(0, months[0].Enrolled.Value);
        Assert.Equal(7, months[1].Enrolled.Value);
        Assert.Equal((7L, 0L), (months[1].InModule1.Value, months[1].InModule2.Value));
        Assert.Equal((5L, 1L), (months[2].InModule1.Value, months[2].InModule2.Value));
        Assert.Equal(1, months[2].ExitsByOutcome.Single(o => o.Outcome == ExitOutcome.Employment).Count.Value);
        Assert.Equal((1.0, 28.0), (months[2].ExitedToWorkOrStudies.Value, months[2].MedianDaysToExit.Value));
        Assert.Null(months[1].MedianDaysToExit);
        Assert.Equal((1, 1), (months[0].AgreementsInForce.Single(a => a.Kind == AgreementKind.Youth).Count, months[0].YouthCovered));

        var recount = await _operations.RecountRegionAsync(new() { RegionCode = Gavleborg });
        Assert.True(recount.Equal, string.Join("; ", recount.Differences));
        Assert.True(recount.TrendMonthsCompared >= 12, $"{recount.TrendMonthsCompared} months compared");

        // An enrolment dated today shows in this month's figures, from the same copy as the summaries.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var thisMonth = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await _participants.EnrolParticipantAsync(Enrol(youth, NewPerson().Ten, Date(today)));
        await RegionTrendWhenAsync(_statistics, thisMonth, thisMonth, t => t.Months[0].Enrolled.Value == 1);

        var national = await _statistics.GetNationalTrendAsync(new() { FromMonth = "2026-02", ToMonth = "2026-02" });
        Assert.Equal(7, national.Trend.Months[0].Enrolled.Value);
        Assert.Equal(21, national.Regions.Count);
        var hudiksvall = await _statistics.GetMunicipalityTrendAsync(new() { MunicipalityCode = Hudiksvall, FromMonth = "2026-02", ToMonth = "2026-03" });
        Assert.Equal(("Hudiksvall", "21", 7L), (hudiksvall.MunicipalityName, hudiksvall.RegionCode, hudiksvall.Trend.Months[0].Enrolled.Value));
    }

    [Fact]
    public async Task A_regional_office_sees_small_months_suppressed_and_cannot_work_them_out()
    {
        var (youth, _) = await SignedAgreementAsync(_agreements, AgreementKind.Youth, Gavle, 1);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await _participants.EnrolParticipantAsync(Enrol(youth, NewPerson().Ten, Day3))).Participant.ParticipantId); // April
        }

        var office = new StatisticsService.StatisticsServiceClient(silo.ChannelFor(TestCallers.RegionalOffice(Gavleborg)));
        var exact = await MunicipalityTrendWhenAsync(_statistics, Gavle, t => t.Months[1].Enrolled.Value == 3);
        Assert.Equal(3, exact.Months[1].InModule1.Value);

        var shown = (await office.GetMunicipalityTrendAsync(new() { MunicipalityCode = Gavle, FromMonth = "2026-03", ToMonth = "2026-05" })).Trend.Months;
        Assert.True(shown[1].Enrolled.Suppressed);
        Assert.Equal(0, shown[1].Enrolled.Value);
        // A month-end count of 3 would give the month's enrolments away (0 at March's end + 3 enrolled = 3 at April's).
        Assert.True(shown[1].InModule1.Suppressed);
        Assert.True(shown[2].InModule1.Suppressed);
        Assert.False(shown[0].Enrolled.Suppressed);
    }

    [Fact]
    public async Task Bad_months_codes_and_areas_are_refused_with_the_field_named()
    {
        var nextYear = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(13).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await AssertFieldAsync("from_month", () => _statistics.GetRegionTrendAsync(new() { RegionCode = Gavleborg, FromMonth = "2026-13", ToMonth = "2026-12" }).ResponseAsync);
        await AssertFieldAsync("to_month", () => _statistics.GetRegionTrendAsync(new() { RegionCode = Gavleborg, FromMonth = "2026-01", ToMonth = "202612" }).ResponseAsync);
        await AssertFieldAsync("from_month", () => _statistics.GetRegionTrendAsync(new() { RegionCode = Gavleborg, FromMonth = "2026-05", ToMonth = "2026-04" }).ResponseAsync);
        await AssertFieldAsync("to_month", () => _statistics.GetNationalTrendAsync(new() { FromMonth = "2020-01", ToMonth = "2025-01" }).ResponseAsync);
        await AssertFieldAsync("from_month", () => _statistics.GetMunicipalityTrendAsync(new() { MunicipalityCode = Gavle, FromMonth = "1999-12", ToMonth = "2000-02" }).ResponseAsync);
        await AssertFieldAsync("to_month", () => _statistics.GetRegionTrendAsync(new() { RegionCode = Gavleborg, FromMonth = "2026-01", ToMonth = nextYear }).ResponseAsync);
        await AssertFieldAsync("region_code", () => _statistics.GetRegionTrendAsync(new() { RegionCode = "2", FromMonth = "2026-01", ToMonth = "2026-02" }).ResponseAsync);

        var unknown = await Assert.ThrowsAsync<RpcException>(() => _statistics.GetRegionTrendAsync(new() { RegionCode = "99", FromMonth = "2026-01", ToMonth = "2026-02" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        var otherOffice = new StatisticsService.StatisticsServiceClient(silo.ChannelFor(TestCallers.RegionalOffice(Sodermanland)));
        var denied = await Assert.ThrowsAsync<RpcException>(() => otherOffice.GetRegionTrendAsync(new() { RegionCode = Gavleborg, FromMonth = "2026-01", ToMonth = "2026-02" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        // Sixty months is the most, and allowed.
        var longest = await _statistics.GetRegionTrendAsync(new() { RegionCode = Gavleborg, FromMonth = "2021-01", ToMonth = "2025-12" });
        Assert.Equal(60, longest.Trend.Months.Count);
    }

    private static async Task<Google.Protobuf.Collections.RepeatedField<TrendMonth>> RegionTrendWhenAsync(
        StatisticsService.StatisticsServiceClient client, string from, string to, Func<Trend, bool> condition)
    {
        Trend? trend = null;
        await Eventually.HappensWithinAsync(Soon, "the county's trend shows the writes", async () =>
        {
            trend = (await client.GetRegionTrendAsync(new() { RegionCode = Gavleborg, FromMonth = from, ToMonth = to })).Trend;
            return condition(trend);
        });
        return trend!.Months;
    }

    private static async Task<Trend> MunicipalityTrendWhenAsync(StatisticsService.StatisticsServiceClient client, string code, Func<Trend, bool> condition)
    {
        Trend? trend = null;
        await Eventually.HappensWithinAsync(Soon, "the municipality's trend shows the writes", async () =>
        {
            trend = (await client.GetMunicipalityTrendAsync(new() { MunicipalityCode = code, FromMonth = "2026-03", ToMonth = "2026-05" })).Trend;
            return condition(trend);
        });
        return trend!;
    }

    private static async Task AssertFieldAsync(string field, Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(field, refused.Status.Detail, StringComparison.Ordinal);
    }
}
