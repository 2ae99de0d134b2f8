using System.Collections.Immutable;
using Dua.Domain;
using Dua.Domain.Agreements;
using Dua.Domain.LabourMarket;
using Dua.Domain.Participants;
using Dua.Domain.Statistics;
using Dua.Grains.Statistics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Figures = Dua.Grains.Abstractions.LabourMarket.MonthlyFigures;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Statistics;

namespace Dua.Grains.Tests;

/// <summary>
/// The domain's types carry no Orleans attributes; the surrogates in the grain abstractions carry them between
/// silos. What a grain sends must arrive whole: facts, a county's statistics, and a refusal with its rule.
/// </summary>
public sealed class DomainSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(IRegionStatisticsGrain).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void A_county_s_statistics_arrive_with_every_count()
    {
        var facts = new CountyFacts("21");
        facts.Apply(new AgreementFacts("21-aaaaaaaaaaaaaaaa", 3, AgreementKind.Newcomers, AgreementStatus.Signed, ["2184", "2180"],
            [new JobTrackFacts("5321", Open: true, Places: 6, PlacesTaken: 2), new JobTrackFacts("5120", Open: false, Places: 4, PlacesTaken: 0)],
            [new GoalFacts("participants_enrolled", Baseline: null, Target: 40, new DateOnly(2027, 12, 31), "people")]));
        facts.Apply(new ParticipantFacts("21-aaaaaaaaaaaaaaaa-p000001", "21-aaaaaaaaaaaaaaaa", 2, ParticipantStatus.Active, 2, ExitOutcome.Unspecified, null));
        facts.Apply(new ParticipantFacts("21-aaaaaaaaaaaaaaaa-p000002", "21-aaaaaaaaaaaaaaaa", 4, ParticipantStatus.Exited, 0, ExitOutcome.Employment, 61));
        facts.Apply(LabourMarketFacts.Of("2184", 2,
            [new ReportedMonth(new DateOnly(2026, 3, 1), new Figures(1300, 300, 160, 400, 7.2)), new ReportedMonth(new DateOnly(2026, 2, 1), new Figures(1350, 310, 150, 420, null))]));
        facts.Apply(new DialogueFacts("21", 5, 1));
        var sent = facts.Snapshot(new DateTimeOffset(2026, 4, 2, 10, 0, 0, TimeSpan.Zero));

        var received = RoundTrip(sent);

        Assert.Equal(Describe(sent), Describe(received));
        Assert.Equal((2L, 1L, 1L), (received.County.Participants.Enrolled, received.County.Participants.InModule2, received.County.Participants.Exited));
        Assert.Equal(7.2, received.County.LabourMarket.Single().LatestMonths[0].Figures.UnemploymentRate);
        Assert.Equal("participants_enrolled", Assert.Single(received.Goals["2180"]).Goal.Metric);
    }

    [Fact]
    public void Facts_arrive_as_they_were_sent()
    {
        var agreement = new AgreementFacts("04-bbbbbbbbbbbbbbbb", 7, AgreementKind.Youth, AgreementStatus.Ended, ["0484"],
            [new JobTrackFacts("2611", Open: true, Places: 3, PlacesTaken: 3)],
            [new GoalFacts("unemployed_18_24", Baseline: 410, Target: 300, new DateOnly(2028, 6, 30), "people")]);
        var received = RoundTrip(agreement);
        Assert.Equal(
            (agreement.AgreementId, agreement.Version, agreement.Kind, agreement.Status, string.Join(",", agreement.MunicipalityCodes)),
            (received.AgreementId, received.Version, received.Kind, received.Status, string.Join(",", received.MunicipalityCodes)));
        Assert.Equal(agreement.JobTracks.AsEnumerable(), received.JobTracks.AsEnumerable());
        Assert.Equal(agreement.Goals.AsEnumerable(), received.Goals.AsEnumerable());

        var participant = new ParticipantFacts("04-bbbbbbbbbbbbbbbb-p000009", "04-bbbbbbbbbbbbbbbb", 5, ParticipantStatus.Exited, 0, ExitOutcome.RegularStudies, 200);
        Assert.Equal(participant, RoundTrip(participant));
        Assert.Equal(new DialogueFacts("04", 3, 2), RoundTrip(new DialogueFacts("04", 3, 2)));
    }

    [Fact]
    public void A_refusal_arrives_with_its_kind_rule_and_message()
    {
        Exception sent = DomainRuleException.Precondition("dialogue-not-held-yet", "Dialogue 21-d1 is to be held on 2026-05-04.");

        var received = Assert.IsType<DomainRuleException>(RoundTrip(sent));

        Assert.Equal((DomainRuleKind.Precondition, "dialogue-not-held-yet", "Dialogue 21-d1 is to be held on 2026-05-04."),
            (received.Kind, received.Subject, received.Message));
    }

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;

    /// <summary>Every figure of the statistics as text: records holding arrays compare by reference, text compares by value.</summary>
    private static string Describe(CountyStatistics s) =>
        $"{s.CountyCode} {s.AsOf:O} v{s.Version} county[{Describe(s.County)}] " +
        string.Join(" ", s.Municipalities.Select(m => $"{m.Key}[{Describe(m.Value)}]")) + " goals " +
        string.Join(" ", s.Goals.Select(g => $"{g.Key}:{string.Join(",", g.Value.Select(a => $"{a.AgreementId}/{a.Kind}/{a.Goal}"))}"));

    private static string Describe(Tally t) =>
        $"{t.Municipalities} {t.YouthCovered} {t.NewcomersCovered} {string.Join(",", t.Agreements)} " +
        $"{t.JobTracks.Count}/{t.JobTracks.Open}/{t.JobTracks.Places}/{t.JobTracks.PlacesTaken}/{string.Join(",", t.JobTracks.Occupations)} " +
        $"{t.Participants.Enrolled}/{t.Participants.InModule1}/{t.Participants.InModule2}/{t.Participants.InModule3}/" +
        $"{string.Join(",", t.Participants.ExitsByOutcome)}/{string.Join(",", t.Participants.DaysToExit)} " +
        string.Join(";", t.LabourMarket.Select(l => $"{l.MunicipalityCode} v{l.Version} {string.Join(",", l.LatestMonths.Select(m => $"{m.Month:yyyy-MM}={m.Figures}"))}")) +
        $" {t.OpenDialogues}";
}
