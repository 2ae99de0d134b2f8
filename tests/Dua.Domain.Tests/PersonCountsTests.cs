using System.Collections.Immutable;
using Dua.Domain.Statistics;

namespace Dua.Domain.Tests;

/// <summary>Secondary suppression: a withheld count cannot be worked out from a shown total and its shown parts.</summary>
public sealed class PersonCountsTests
{
    [Fact]
    public void One_withheld_part_of_a_shown_total_takes_the_next_smallest_with_it()
    {
        var (total, parts) = Sum(20, 3, 0, 9, 8);

        Assert.True(PersonCounts.WithholdComplement(total, parts));
        Assert.Equal([true, false, false, true], parts.Select(p => p.Withheld));
        Assert.False(total.Withheld);
        Assert.False(PersonCounts.WithholdComplement(total, parts));
    }

    [Fact]
    public void Withheld_parts_adding_up_to_a_small_count_take_another_with_them()
    {
        var (total, parts) = Sum(30, 1, 2, 27);

        Assert.True(PersonCounts.WithholdComplement(total, parts));
        Assert.True(parts[2].Withheld || total.Withheld);
    }

    [Fact]
    public void Withheld_parts_adding_up_to_five_or_more_need_nothing_more()
    {
        var (total, parts) = Sum(30, 1, 4, 25);

        Assert.False(PersonCounts.WithholdComplement(total, parts));
        Assert.False(parts[2].Withheld);
    }

    [Fact]
    public void A_withheld_part_beside_only_zeros_takes_the_total_with_it()
    {
        var (total, parts) = Sum(3, 3, 0, 0);
        total.Withheld = false; // as if the total were shown for another reason

        Assert.True(PersonCounts.WithholdComplement(total, parts));
        Assert.True(total.Withheld);
    }

    [Fact]
    public void A_withheld_total_of_shown_parts_takes_the_smallest_part_with_it()
    {
        var (total, parts) = Sum(17, 0, 9, 8);
        total.Withheld = true;

        Assert.True(PersonCounts.WithholdComplement(total, parts));
        Assert.Equal([false, false, true], parts.Select(p => p.Withheld));
    }

    [Fact]
    public void Across_a_county_the_municipality_beside_a_small_one_is_withheld_and_the_country_is_consistent()
    {
        var gavleborg = County("21", ("2184", 3), ("2180", 7), ("2181", 40));
        var sodermanland = County("04", ("0484", 12));
        var national = gavleborg.County.Plus(sodermanland.County);

        var plan = CountrySuppression.Plan([gavleborg, sodermanland], national);

        Assert.True(plan.Municipalities["2184"][AreaPersonCounts.Enrolled].Withheld);
        Assert.True(plan.Municipalities["2180"][AreaPersonCounts.Enrolled].Withheld);
        Assert.False(plan.Municipalities["2181"][AreaPersonCounts.Enrolled].Withheld);
        Assert.False(plan.Counties["21"][AreaPersonCounts.Enrolled].Withheld);
        Assert.False(plan.National[AreaPersonCounts.Enrolled].Withheld);
        // Inside each area, too: in module 1 equals enrolled, so the same cells are withheld there.
        Assert.True(plan.Municipalities["2180"][AreaPersonCounts.InModule1].Withheld);
        Assert.False(plan.Counties["04"][AreaPersonCounts.Enrolled].Withheld);
    }

    private static (PersonCell Total, PersonCell[] Parts) Sum(long total, params long[] parts) =>
        (new PersonCell(total, PersonCounts.IsSmall(total)), [.. parts.Select(p => new PersonCell(p, PersonCounts.IsSmall(p)))]);

    private static CountyStatistics County(string code, params (string Municipality, long Enrolled)[] municipalities)
    {
        var tallies = municipalities.ToImmutableSortedDictionary(m => m.Municipality, m => Enrolled(m.Enrolled), StringComparer.Ordinal);
        var region = tallies.Values.Aggregate(Tally.Empty, (sum, t) => sum.Plus(t));
        return new CountyStatistics(code, DateTimeOffset.UnixEpoch, 1, region, tallies, ImmutableSortedDictionary<string, ImmutableArray<AgreementGoal>>.Empty,
            TrendTally.Empty, ImmutableSortedDictionary<string, TrendTally>.Empty);
    }

    private static Tally Enrolled(long count) => Tally.Empty with
    {
        Municipalities = 1,
        Participants = ParticipantTally.Empty with { Enrolled = count, InModule1 = count },
    };
}
