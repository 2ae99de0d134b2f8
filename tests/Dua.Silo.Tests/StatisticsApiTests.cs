using Dua.Contracts.V1;
using Dua.Testing;
using Grpc.Core;
using static Dua.Testing.Requests.AgreementRequests;
using static Dua.Testing.Requests.ParticipantRequests;

namespace Dua.Silo.Tests;

/// <summary>
/// dua.v1.StatisticsService and OperationsService.RecountRegion on a real silo. Each test works in a county of its
/// own, so its figures are exact although the silo is shared by the class.
/// </summary>
public sealed class StatisticsApiTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    private readonly StatisticsService.StatisticsServiceClient _statistics = new(silo.Channel);
    private readonly OperationsService.OperationsServiceClient _operations = new(silo.ChannelFor(TestCallers.Operations));
    private readonly AgreementService.AgreementServiceClient _agreements = new(silo.Channel);
    private readonly ParticipantService.ParticipantServiceClient _participants = new(silo.Channel);
    private readonly LabourMarketService.LabourMarketServiceClient _labourMarket = new(silo.Channel);

    [Fact]
    public async Task Region_summary_counts_agreements_job_tracks_participants_and_exits()
    {
        var (youth, youthTracks) = await SignedAgreementAsync(_agreements, AgreementKind.Youth, Hudiksvall, 3);
        await SignedAgreementAsync(_agreements, AgreementKind.Newcomers, Gavle, 2, 2, 2);
        await _agreements.CreateAgreementAsync(Youth(Gavle)); // a draft: counted, but not in force

        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await _participants.EnrolParticipantAsync(Enrol(youth, NewPerson().Ten))).Participant.ParticipantId);
        }

        await _participants.RecordProgressAsync(StartJobPreparation(ids[1], Day2));
        await _participants.RecordProgressAsync(StartJobPreparation(ids[2], Day2));
        await _participants.RecordProgressAsync(ChoosePath(ids[2], PathChoice.Work, Day3));
        await _participants.RecordProgressAsync(StartJobTrack(ids[2], youthTracks[0], Day3));
        await _participants.RecordProgressAsync(Exit(ids[3], ExitOutcome.Employment, Day2)); // 28 days
        await _participants.RecordProgressAsync(Exit(ids[4], ExitOutcome.RegularStudies, Day3)); // 58 days
        await _participants.RecordProgressAsync(Exit(ids[5], ExitOutcome.Other, Day4)); // 91 days

        var region = await RegionWhenAsync(Gavleborg, r => r.Summary.Participants.Exited.Value == 3);

        Assert.Equal(("21", "Gävleborgs län"), (region.RegionCode, region.RegionName));
        var summary = region.Summary;
        Assert.Equal(10, summary.MunicipalityCount);
        Assert.Equal((1, 0.1), (summary.YouthCoverage.Municipalities, summary.YouthCoverage.Share));
        Assert.Equal((1, 0.1), (summary.NewcomerCoverage.Municipalities, summary.NewcomerCoverage.Share));
        Assert.Equal(
            new[] { (AgreementKind.Youth, AgreementStatus.Draft, 1), (AgreementKind.Youth, AgreementStatus.Signed, 1), (AgreementKind.Newcomers, AgreementStatus.Signed, 1) },
            summary.Agreements.Select(a => (a.Kind, a.Status, a.Count)));
        Assert.Equal((4, 4, 9, 1L), (summary.JobTracks.Count, summary.JobTracks.Open, summary.JobTracks.Places, summary.JobTracks.PlacesTaken.Value));
        var occupation = Assert.Single(summary.JobTracks.TopOccupations);
        Assert.Equal((AssistantNurses, 4, 9), (occupation.OccupationCode, occupation.JobTracks, occupation.Places));
        Assert.StartsWith("Undersköterskor", occupation.OccupationName, StringComparison.Ordinal);

        var participants = summary.Participants;
        Assert.Equal((6L, 1L, 1L, 1L, 3L),
            (participants.Enrolled.Value, participants.InModule1.Value, participants.InModule2.Value, participants.InModule3.Value, participants.Exited.Value));
        Assert.Equal(
            new[] { (ExitOutcome.Employment, 1L), (ExitOutcome.SubsidisedEmployment, 0L), (ExitOutcome.RegularStudies, 1L), (ExitOutcome.Other, 1L), (ExitOutcome.Unknown, 0L) },
            participants.ExitsByOutcome.Select(o => (o.Outcome, o.Count.Value)));
        Assert.Equal(2.0 / 3, participants.ExitedToWorkOrStudies.Value, 9);
        Assert.Equal(58, participants.MedianDaysToExit.Value);
        Assert.False(participants.Enrolled.Suppressed);

        var hudiksvall = (await _statistics.GetMunicipalitySummaryAsync(new() { MunicipalityCode = Hudiksvall })).Municipality;
        Assert.Equal(("Hudiksvall", "21", 6L), (hudiksvall.MunicipalityName, hudiksvall.RegionCode, hudiksvall.Summary.Participants.Enrolled.Value));
        Assert.Equal((1, 0), (hudiksvall.Summary.YouthCoverage.Municipalities, hudiksvall.Summary.NewcomerCoverage.Municipalities));
        var gavle = (await _statistics.GetMunicipalitySummaryAsync(new() { MunicipalityCode = Gavle })).Municipality;
        Assert.Equal((0L, 0, 1, 3), (gavle.Summary.Participants.Enrolled.Value, gavle.Summary.YouthCoverage.Municipalities, gavle.Summary.NewcomerCoverage.Municipalities, gavle.Summary.JobTracks.Count));

        var recount = await _operations.RecountRegionAsync(new() { RegionCode = Gavleborg });
        Assert.True(recount.Equal, string.Join("; ", recount.Differences));
        Assert.Equal(6, recount.Recount.Summary.Participants.Enrolled.Value);
    }

    [Fact]
    public async Task Labour_market_sums_the_latest_month_and_its_change_over_the_municipalities_that_reported_both()
    {
        var latest = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM");
        var before = DateTime.UtcNow.AddMonths(-2).ToString("yyyy-MM");
        await ReportAsync(Eskilstuna, before, 1000, 200);
        await ReportAsync(Eskilstuna, latest, 900, 150);
        await ReportAsync("0480", latest, 500, 100); // Nyköping: no month before to compare with
        await ReportAsync("0486", before, 700, 70); // Strängnäs: only the older month

        var labour = (await RegionWhenAsync(Sodermanland, r => r.Summary.LabourMarket.MunicipalitiesReported == 2)).Summary.LabourMarket;

        Assert.Equal(latest, labour.Month);
        Assert.Equal((1400L, 250L), (labour.Totals.Unemployed1664, labour.Totals.Unemployed1824));
        Assert.Equal(1, labour.MunicipalitiesCompared);
        Assert.Equal((1000L, 200L), (labour.PreviousMonth.Unemployed1664, labour.PreviousMonth.Unemployed1824));
        Assert.Equal((-100L, -50L), (labour.Change.Unemployed1664, labour.Change.Unemployed1824));

        // A correction of the latest month replaces its figures.
        await ReportAsync("0480", latest, 450, 100);
        await RegionWhenAsync(Sodermanland, r => r.Summary.LabourMarket.Totals.Unemployed1664 == 1350);

        var recount = await _operations.RecountRegionAsync(new() { RegionCode = Sodermanland });
        Assert.True(recount.Equal, string.Join("; ", recount.Differences));
    }

    [Fact]
    public async Task Goals_show_the_current_value_of_metrics_the_platform_measures()
    {
        const string linkoping = "0580";
        var request = Youth(linkoping);
        request.Goals.Clear();
        request.Goals.Add(new Goal { Metric = "participants_enrolled", Baseline = 0, Target = 10, TargetDate = "2027-12-31", Unit = "persons" });
        request.Goals.Add(new Goal { Metric = "Fler unga i arbete", Target = 50, TargetDate = "2027-12-31", Unit = "percent" });
        var id = (await _agreements.CreateAgreementAsync(request)).Agreement.AgreementId;
        await _agreements.SignAgreementAsync(Sign(id));
        await _participants.EnrolParticipantAsync(Enrol(id, NewPerson().Ten));
        await _participants.EnrolParticipantAsync(Enrol(id, NewPerson().Ten));

        var municipality = await MunicipalityWhenAsync(linkoping, m => m.Summary.Participants.Enrolled.Value == 2);

        Assert.Equal(2, municipality.Goals.Count);
        var measured = municipality.Goals[0];
        Assert.Equal((id, AgreementKind.Youth, "participants_enrolled"), (measured.AgreementId, measured.Kind, measured.Goal.Metric));
        Assert.Equal((2.0, 0.2), (measured.Current, measured.Progress));
        Assert.True(measured.DaysToTarget > 0);
        var unmeasured = municipality.Goals[1];
        Assert.False(unmeasured.HasCurrent);
        Assert.False(unmeasured.HasProgress);
    }

    [Fact]
    public async Task National_summary_adds_up_every_county()
    {
        var (agreement, _) = await SignedAgreementAsync(_agreements, AgreementKind.Youth, "0680");
        await _participants.EnrolParticipantAsync(Enrol(agreement, NewPerson().Ten));

        var national = await _statistics.GetNationalSummaryAsync(new());
        Assert.Equal(21, national.Regions.Count);
        Assert.Equal(national.Regions.Select(r => r.RegionCode).Order(StringComparer.Ordinal), national.Regions.Select(r => r.RegionCode));
        Assert.Equal(290, national.Summary.MunicipalityCount);
        Assert.Equal(national.Regions.Sum(r => r.Summary.Participants.Enrolled.Value), national.Summary.Participants.Enrolled.Value);
        Assert.Equal(national.Regions.Sum(r => r.Summary.JobTracks.Count), national.Summary.JobTracks.Count);
        Assert.Equal(national.Regions.Sum(r => r.Summary.YouthCoverage.Municipalities), national.Summary.YouthCoverage.Municipalities);
        Assert.True(national.Summary.Participants.Enrolled.Value >= 1);
    }

    [Fact]
    public async Task A_watch_sends_the_summary_at_once_and_again_after_a_change()
    {
        var (agreement, _) = await SignedAgreementAsync(_agreements, AgreementKind.Youth, "0380");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = _statistics.WatchRegionSummary(new() { RegionCode = "03" }, cancellationToken: cancel.Token);

        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        var first = watch.ResponseStream.Current.Region.Summary.Participants.Enrolled.Value;

        await _participants.EnrolParticipantAsync(Enrol(agreement, NewPerson().Ten));
        long next;
        do
        {
            Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
            next = watch.ResponseStream.Current.Region.Summary.Participants.Enrolled.Value;
        }
        while (next == first);

        Assert.Equal(first + 1, next);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("2x")]
    [InlineData("021")]
    public async Task A_malformed_county_code_is_an_invalid_argument_naming_the_field(string code)
    {
        await AssertFieldAsync("region_code", () => _statistics.GetRegionSummaryAsync(new() { RegionCode = code }).ResponseAsync);
        await AssertFieldAsync("region_code", () => _operations.RecountRegionAsync(new() { RegionCode = code }).ResponseAsync);
        await AssertFieldAsync("region_code", async () =>
        {
            using var watch = _statistics.WatchRegionSummary(new() { RegionCode = code });
            await watch.ResponseStream.MoveNext();
        });
    }

    [Fact]
    public async Task Unknown_codes_are_not_found_and_a_watch_on_one_fails_at_once()
    {
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => _statistics.GetRegionSummaryAsync(new() { RegionCode = "99" }).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => _statistics.GetMunicipalitySummaryAsync(new() { MunicipalityCode = "2199" }).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => _operations.RecountRegionAsync(new() { RegionCode = "02" }).ResponseAsync)).StatusCode);
        await AssertFieldAsync("municipality_code", () => _statistics.GetMunicipalitySummaryAsync(new() { MunicipalityCode = "218" }).ResponseAsync);

        var started = System.Diagnostics.Stopwatch.StartNew();
        using var watch = _statistics.WatchRegionSummary(new() { RegionCode = "99" });
        var refused = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"The watch took {started.Elapsed} to fail.");
    }

    private async Task ReportAsync(string municipality, string month, int unemployed, int young) =>
        await _labourMarket.ReportMonthlyFiguresAsync(new ReportMonthlyFiguresRequest
        {
            RequestId = NewRequestId(),
            MunicipalityCode = municipality,
            Month = month,
            Unemployed1664 = unemployed,
            Unemployed1824 = young,
            UnemployedNewcomers = 10,
            UnemployedOver12Months = 20,
            UnemploymentRate = 6.5,
        });

    private async Task<RegionSummary> RegionWhenAsync(string code, Func<RegionSummary, bool> condition)
    {
        RegionSummary? region = null;
        await Eventually.HappensWithinAsync(Soon, $"county {code}'s summary shows the writes", async () =>
        {
            region = (await _statistics.GetRegionSummaryAsync(new() { RegionCode = code })).Region;
            return condition(region);
        });
        return region!;
    }

    private async Task<MunicipalitySummary> MunicipalityWhenAsync(string code, Func<MunicipalitySummary, bool> condition)
    {
        MunicipalitySummary? municipality = null;
        await Eventually.HappensWithinAsync(Soon, $"municipality {code}'s summary shows the writes", async () =>
        {
            municipality = (await _statistics.GetMunicipalitySummaryAsync(new() { MunicipalityCode = code })).Municipality;
            return condition(municipality);
        });
        return municipality!;
    }

    private static async Task AssertFieldAsync(string field, Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(field, refused.Status.Detail, StringComparison.Ordinal);
    }
}
