namespace Dua.Benchmarks.Placement;

/// <summary>Messages the silos sent, as counted by Orleans' own instruments; cumulative, so two readings subtract.</summary>
public readonly record struct MessageCounts(long CrossSilo, long CrossSiloRequests, long CrossSiloBytes, long Local)
{
    public static MessageCounts operator -(MessageCounts after, MessageCounts before) => new(
        after.CrossSilo - before.CrossSilo,
        after.CrossSiloRequests - before.CrossSiloRequests,
        after.CrossSiloBytes - before.CrossSiloBytes,
        after.Local - before.Local);

    public static MessageCounts operator +(MessageCounts a, MessageCounts b) => new(
        a.CrossSilo + b.CrossSilo, a.CrossSiloRequests + b.CrossSiloRequests, a.CrossSiloBytes + b.CrossSiloBytes, a.Local + b.Local);
}
