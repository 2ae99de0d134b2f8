using System.Collections.Immutable;

namespace Dua.Domain.Statistics;

/// <summary>One month's exits by whole days from enrolment to exit: a histogram, so that merged areas' medians stay exact.</summary>
public sealed record TrendDays(ImmutableArray<int> Days, ImmutableArray<long> Counts)
{
    public static TrendDays Empty { get; } = new([], []);

    public static TrendDays Of(IEnumerable<KeyValuePair<int, long>> histogram)
    {
        var sorted = histogram.Where(h => h.Value != 0).OrderBy(h => h.Key).ToList();
        return sorted.Count == 0 ? Empty : new([.. sorted.Select(h => h.Key)], [.. sorted.Select(h => h.Value)]);
    }

    public TrendDays Plus(TrendDays other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Days.IsEmpty)
        {
            return this;
        }

        if (Days.IsEmpty)
        {
            return other;
        }

        var sum = new Dictionary<int, long>();
        foreach (var histogram in new[] { this, other })
        {
            for (var i = 0; i < histogram.Days.Length; i++)
            {
                sum[histogram.Days[i]] = sum.GetValueOrDefault(histogram.Days[i]) + histogram.Counts[i];
            }
        }

        return Of(sum);
    }

    /// <summary>The median (the mean of the two middle values for an even count), or null without exits.</summary>
    public double? Median()
    {
        var total = Counts.Sum();
        if (total == 0)
        {
            return null;
        }

        var lowRank = (total - 1) / 2;
        var highRank = total / 2;
        int? low = null;
        var seen = 0L;
        for (var i = 0; i < Days.Length; i++)
        {
            seen += Counts[i];
            if (low is null && seen > lowRank)
            {
                low = Days[i];
            }

            if (seen > highRank)
            {
                return (low!.Value + Days[i]) / 2.0;
            }
        }

        throw new InvalidOperationException("The histogram's counts do not add up.");
    }

    public bool Equals(TrendDays? other) =>
        other is not null && Days.SequenceEqual(other.Days) && Counts.SequenceEqual(other.Counts);

    public override int GetHashCode() => Days.Length;
}
