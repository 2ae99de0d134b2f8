namespace Dua.LoadTest.Planning;

/// <summary>
/// A small deterministic random source for planning: the same seed, stream and index always give the same
/// sequence, on any machine and .NET version (unlike <see cref="Random"/> with a seed, whose algorithm is not a
/// contract). Streams keep unrelated decisions apart, so adding a decision to one never shifts another.
/// </summary>
public sealed class PlanRandom
{
    private ulong _state;

    public PlanRandom(long seed, string stream, long index = 0)
    {
        _state = Mix((ulong)seed ^ Mix(StableHash(stream) ^ Mix((ulong)index + 0x9E3779B97F4A7C15UL)));
    }

    /// <summary>SplitMix64: tiny, fast and well distributed, which is all a plan needs.</summary>
    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>One of the choices, each with the probability of its weight over the sum of weights.</summary>
    public T Weighted<T>(ReadOnlySpan<(T Value, double Weight)> choices)
    {
        var total = 0.0;
        foreach (var choice in choices)
        {
            total += choice.Weight;
        }

        var u = NextDouble() * total;
        foreach (var choice in choices)
        {
            if (u < choice.Weight)
            {
                return choice.Value;
            }

            u -= choice.Weight;
        }

        return choices[^1].Value;
    }

    /// <summary>The SplitMix64 finaliser: a bijective mix of 64 bits.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes, unlike string.GetHashCode.</summary>
    public static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
