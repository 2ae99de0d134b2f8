using System.Collections.Immutable;
using CsCheck;
using Dua.Domain.Agreements;
using Dua.Domain.Participants;
using Dua.Domain.Statistics;

namespace Dua.Domain.Tests;

/// <summary>
/// A county's live statistics take facts late, twice and out of order (retries, a count racing the writes); whatever the
/// order, they must end where feeding only each participant's newest facts would.
/// </summary>
public sealed class CountyFactsProperties
{
    private static readonly string[] Agreements = ["21-aaaaaaaaaaaaaaaa", "21-bbbbbbbbbbbbbbbb"];

    private static readonly Gen<ParticipantFacts> Step =
        Gen.Select(Gen.Int[0, 3], Gen.Int[1, 4], Gen.Int[0, 3], Gen.Enum<ExitOutcome>(), Gen.Int[0, 400])
            .Select((module, version, who, outcome, days) => module == 0
                ? new ParticipantFacts($"{Agreements[who % 2]}-p{who:D6}", Agreements[who % 2], version, ParticipantStatus.Exited, 0,
                    outcome == ExitOutcome.Unspecified ? ExitOutcome.Other : outcome, days)
                : new ParticipantFacts($"{Agreements[who % 2]}-p{who:D6}", Agreements[who % 2], version, ParticipantStatus.Active, module,
                    ExitOutcome.Unspecified, null));

    [Fact]
    public void Any_order_with_repeats_ends_at_the_newest_facts()
    {
        Gen.Select(Step.List[1, 40], Gen.Int)
            .Sample((steps, seed) =>
            {
                // One version per participant is the truth; keep the first generated for each (participant, version).
                var distinct = steps.DistinctBy(s => (s.ParticipantId, s.Version)).ToList();
                var newest = distinct.GroupBy(s => s.ParticipantId).Select(g => g.MaxBy(s => s.Version)!).ToList();

                var shuffled = distinct.Concat(distinct).OrderBy(_ => new Random(seed).Next()).ToList();
                var fed = Feed(shuffled);
                var expected = Feed(newest);

                var got = fed.Snapshot(DateTimeOffset.UnixEpoch).County.Participants;
                var want = expected.Snapshot(DateTimeOffset.UnixEpoch).County.Participants;
                return Same(got, want) && got.Enrolled == newest.Count;
            });
    }

    [Fact]
    public void Counts_match_a_count_by_hand()
    {
        Step.List[0, 60].Sample(steps =>
        {
            var newest = steps.GroupBy(s => s.ParticipantId).Select(g => g.MaxBy(s => s.Version)!).ToList();
            var tally = Feed(steps).Snapshot(DateTimeOffset.UnixEpoch).County.Participants;
            var exited = newest.Where(p => p.Status == ParticipantStatus.Exited).ToList();
            return tally.Enrolled == newest.Count
                && tally.InModule1 == newest.Count(p => p.Status == ParticipantStatus.Active && p.CurrentModule == 1)
                && tally.InModule2 == newest.Count(p => p.Status == ParticipantStatus.Active && p.CurrentModule == 2)
                && tally.InModule3 == newest.Count(p => p.Status == ParticipantStatus.Active && p.CurrentModule == 3)
                && tally.Exited == exited.Count
                && Enum.GetValues<ExitOutcome>().All(o => tally.ExitsByOutcome[(int)o] == exited.Count(p => p.Outcome == o))
                && tally.MedianDaysToExit() == Median(exited.Select(p => p.DaysToExit!.Value).ToList());
        });
    }

    [Fact]
    public void A_municipality_counts_the_participants_of_every_agreement_covering_it_and_the_county_counts_them_once()
    {
        var facts = new CountyFacts("21");
        facts.Apply(Agreement("21-aaaaaaaaaaaaaaaa", 1, ["2184", "2180"]));
        facts.Apply(Agreement("21-bbbbbbbbbbbbbbbb", 1, ["2184"]));
        facts.Apply(new ParticipantFacts("21-aaaaaaaaaaaaaaaa-p000001", "21-aaaaaaaaaaaaaaaa", 1, ParticipantStatus.Active, 1, ExitOutcome.Unspecified, null));
        facts.Apply(new ParticipantFacts("21-bbbbbbbbbbbbbbbb-p000001", "21-bbbbbbbbbbbbbbbb", 1, ParticipantStatus.Active, 2, ExitOutcome.Unspecified, null));

        var snapshot = facts.Snapshot(DateTimeOffset.UnixEpoch);

        Assert.Equal(2, snapshot.County.Participants.Enrolled);
        Assert.Equal(2, snapshot.Municipalities["2184"].Participants.Enrolled);
        Assert.Equal(1, snapshot.Municipalities["2180"].Participants.Enrolled);
        Assert.Equal(0, snapshot.Municipalities["2181"].Participants.Enrolled);
        Assert.Equal(2, snapshot.County.YouthCovered);
        Assert.Equal(10, snapshot.Municipalities.Count);
    }

    [Fact]
    public void Older_agreement_facts_never_replace_newer_ones()
    {
        var facts = new CountyFacts("21");
        Assert.True(facts.Apply(Agreement("21-aaaaaaaaaaaaaaaa", 3, ["2184"], AgreementStatus.Ended)));
        Assert.False(facts.Apply(Agreement("21-aaaaaaaaaaaaaaaa", 2, ["2184"])));
        Assert.False(facts.Apply(Agreement("21-aaaaaaaaaaaaaaaa", 3, ["2184"])));

        var agreements = facts.Snapshot(DateTimeOffset.UnixEpoch).County.Agreements;
        Assert.Equal(AgreementStatus.Ended, Assert.Single(agreements).Status);
        Assert.Equal(0, facts.Snapshot(DateTimeOffset.UnixEpoch).County.YouthCovered);
    }

    [Theory]
    [InlineData(new int[0], null)]
    [InlineData(new[] { 7 }, 7.0)]
    [InlineData(new[] { 10, 20 }, 15.0)]
    [InlineData(new[] { 30, 10, 20 }, 20.0)]
    [InlineData(new[] { 5, 5, 5, 100 }, 5.0)]
    [InlineData(new[] { 1, 2, 3, 4 }, 2.5)]
    public void The_median_of_days_to_exit_comes_from_the_histogram(int[] days, double? median)
    {
        var tally = ParticipantTally.Empty with
        {
            DaysToExit = days.GroupBy(d => d).ToImmutableSortedDictionary(g => g.Key, g => (long)g.Count()),
        };
        Assert.Equal(median, tally.MedianDaysToExit());
        Assert.Equal(median, Median([.. days]));
    }

    [Fact]
    public void Tallies_of_two_areas_add_up()
    {
        Gen.Select(Step.List[0, 30], Step.List[0, 30]).Sample((left, right) =>
        {
            var a = Feed(left.Select(s => s with { ParticipantId = "x" + s.ParticipantId })).Snapshot(DateTimeOffset.UnixEpoch).County;
            var b = Feed(right.Select(s => s with { ParticipantId = "y" + s.ParticipantId })).Snapshot(DateTimeOffset.UnixEpoch).County;
            var both = Feed(left.Select(s => s with { ParticipantId = "x" + s.ParticipantId })
                .Concat(right.Select(s => s with { ParticipantId = "y" + s.ParticipantId }))).Snapshot(DateTimeOffset.UnixEpoch).County;
            return Same(a.Plus(b).Participants, both.Participants);
        });
    }

    private static CountyFacts Feed(IEnumerable<ParticipantFacts> steps)
    {
        var facts = new CountyFacts("21");
        foreach (var step in steps)
        {
            facts.Apply(step);
        }

        return facts;
    }

    private static AgreementFacts Agreement(string id, long version, string[] municipalities, AgreementStatus status = AgreementStatus.Signed) =>
        new(id, version, AgreementKind.Youth, status, [.. municipalities], [], []);

    private static bool Same(ParticipantTally a, ParticipantTally b) =>
        a.Enrolled == b.Enrolled && a.InModule1 == b.InModule1 && a.InModule2 == b.InModule2 && a.InModule3 == b.InModule3
        && a.ExitsByOutcome.SequenceEqual(b.ExitsByOutcome) && a.DaysToExit.SequenceEqual(b.DaysToExit);

    private static double? Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        return (values[(values.Count - 1) / 2] + values[values.Count / 2]) / 2.0;
    }
}
