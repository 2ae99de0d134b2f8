using Dua.LoadTest.Planning;

namespace Dua.LoadTest.Tests;

public sealed class PlanRandomTests
{
    [Fact]
    public void The_same_seed_stream_and_index_give_the_same_sequence_and_others_differ()
    {
        static ulong[] Draw(long seed, string stream, long index)
        {
            var random = new PlanRandom(seed, stream, index);
            return [random.NextUInt64(), random.NextUInt64(), random.NextUInt64()];
        }

        Assert.Equal(Draw(1, "a", 5), Draw(1, "a", 5));
        Assert.NotEqual(Draw(1, "a", 5), Draw(2, "a", 5));
        Assert.NotEqual(Draw(1, "a", 5), Draw(1, "b", 5));
        Assert.NotEqual(Draw(1, "a", 5), Draw(1, "a", 6));
    }

    [Fact]
    public void Draws_stay_in_range_and_weighted_choices_keep_their_shares()
    {
        var random = new PlanRandom(42, "test");
        var counts = new int[3];
        for (var i = 0; i < 100_000; i++)
        {
            Assert.InRange(random.Between(3, 5), 3, 5);
            var d = random.NextDouble();
            Assert.True(d is >= 0 and < 1);
            counts[random.Weighted<int>([(0, 0.5), (1, 0.3), (2, 0.2)])]++;
        }

        Assert.InRange(counts[0], 49_000, 51_000);
        Assert.InRange(counts[1], 29_000, 31_000);
        Assert.InRange(counts[2], 19_000, 21_000);
    }
}
