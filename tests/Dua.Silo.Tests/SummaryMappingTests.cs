using System.Collections.Immutable;
using Dua.Domain.Statistics;
using Dua.Silo.Statistics;

namespace Dua.Silo.Tests;

/// <summary>How tallies become summaries: small counts withheld for callers who must not see them, and differences found.</summary>
public sealed class SummaryMappingTests
{
    private static readonly Tally Small = Tally.Empty with
    {
        Municipalities = 1,
        Participants = new ParticipantTally(
            Enrolled: 9, InModule1: 3, InModule2: 0, InModule3: 5,
            ExitsByOutcome: [0, 1, 0, 0, 0, 0],
            DaysToExit: ImmutableSortedDictionary<int, long>.Empty.Add(40, 1)),
        JobTracks = JobTrackTally.Empty with { Count = 1, Open = 1, Places = 6, PlacesTaken = 5 },
    };

    [Fact]
    public void Exact_shows_every_count()
    {
        var participants = Small.ToSummary(DateTimeOffset.UnixEpoch, Disclosure.Exact).Participants;
        Assert.Equal((9L, 3L, 0L, 5L, 1L), (participants.Enrolled.Value, participants.InModule1.Value, participants.InModule2.Value, participants.InModule3.Value, participants.Exited.Value));
        Assert.Equal((1.0, 40.0), (participants.ExitedToWorkOrStudies.Value, participants.MedianDaysToExit.Value));
        Assert.DoesNotContain(true, new[] { participants.Enrolled, participants.InModule1, participants.Exited }.Select(c => c.Suppressed));
    }

    [Fact]
    public void Counts_from_one_to_four_and_figures_derived_from_them_are_withheld()
    {
        var summary = Small.ToSummary(DateTimeOffset.UnixEpoch, Disclosure.SuppressSmallCounts);
        var participants = summary.Participants;

        Assert.Equal((9L, false), (participants.Enrolled.Value, participants.Enrolled.Suppressed));
        Assert.Equal((0L, true), (participants.InModule1.Value, participants.InModule1.Suppressed));
        Assert.Equal((0L, false), (participants.InModule2.Value, participants.InModule2.Suppressed));
        // Enrolled (9) minus the shown modules would give module 1 and the exits together (4): module 3 goes too.
        Assert.Equal((0L, true), (participants.InModule3.Value, participants.InModule3.Suppressed));
        Assert.True(participants.Exited.Suppressed);
        Assert.True(participants.ExitsByOutcome.Single(o => o.Outcome == Contracts.V1.ExitOutcome.Employment).Count.Suppressed);
        Assert.Equal((0.0, true), (participants.ExitedToWorkOrStudies.Value, participants.ExitedToWorkOrStudies.Suppressed));
        Assert.Equal((0.0, true), (participants.MedianDaysToExit.Value, participants.MedianDaysToExit.Suppressed));
        Assert.Equal((5L, false), (summary.JobTracks.PlacesTaken.Value, summary.JobTracks.PlacesTaken.Suppressed));
    }

    [Fact]
    public void Differences_name_each_figure_and_leave_out_as_of()
    {
        var live = Small.ToSummary(DateTimeOffset.UnixEpoch, Disclosure.Exact);
        var recount = (Small with { Participants = Small.Participants with { InModule1 = 4, Enrolled = 10 } })
            .ToSummary(DateTimeOffset.UnixEpoch.AddHours(1), Disclosure.Exact);

        Assert.Empty(SummaryDifferences.Between(live, live.Clone()));
        Assert.Empty(SummaryDifferences.Between(live, Small.ToSummary(DateTimeOffset.UnixEpoch.AddDays(1), Disclosure.Exact)));
        Assert.Equal(["participants.enrolled.value: 9 != 10", "participants.in_module_1.value: 3 != 4"], SummaryDifferences.Between(live, recount));
    }
}
