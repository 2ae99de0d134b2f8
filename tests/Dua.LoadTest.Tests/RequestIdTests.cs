using System.Text.RegularExpressions;
using Dua.LoadTest.Planning;

namespace Dua.LoadTest.Tests;

public sealed partial class RequestIdTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 1);

    // The platform's rule for request ids.
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex Valid();

    [Fact]
    public void The_same_seed_and_as_of_date_give_the_same_request_ids()
    {
        Assert.Equal(AllIds(new DataSetPlan(3, AsOf)), AllIds(new DataSetPlan(3, AsOf)));
    }

    [Fact]
    public void Another_seed_or_as_of_date_gives_other_request_ids()
    {
        var ids = AllIds(new DataSetPlan(3, AsOf)).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(AllIds(new DataSetPlan(4, AsOf)), ids.Contains);
        Assert.DoesNotContain(AllIds(new DataSetPlan(3, AsOf.AddMonths(-1))), ids.Contains);
    }

    [Fact]
    public void Request_ids_are_unique_within_a_data_set_and_valid_for_the_platform()
    {
        var ids = AllIds(new DataSetPlan(123_456_789, AsOf)).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches(Valid(), id));

        var runId = new RequestIds(123_456_789, AsOf).RunStep("2611230512ab", "25-0123456789abcdef-p123456789", 42);
        Assert.Matches(Valid(), runId);
    }

    private static IEnumerable<string> AllIds(DataSetPlan plan)
    {
        foreach (var agreement in plan.Agreements)
        {
            Assert.Equal(agreement.RequestId, agreement.Create.RequestId);
            yield return agreement.RequestId;
            yield return plan.Ids.SignAgreement(agreement.RequestId);
            foreach (var track in agreement.JobTracks)
            {
                yield return track.RequestId;
            }
        }

        foreach (var figures in plan.MonthlyFigures())
        {
            yield return figures.RequestId;
        }

        for (var i = 0; i < 2_000; i++)
        {
            var participant = plan.Participant(i);
            yield return plan.Ids.Enrol(i);
            for (var n = 1; n <= participant.Steps.Count; n++)
            {
                yield return plan.Ids.Step(i, n);
            }
        }
    }
}
