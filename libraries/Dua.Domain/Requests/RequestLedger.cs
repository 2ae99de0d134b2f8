namespace Dua.Domain.Requests;

/// <summary>
/// The request ids an entity has applied, kept with its state and stored in the same write as the change they
/// made, so "applied" and "recorded" can never disagree. Keeps the most recent <see cref="Capacity"/> ids.
/// </summary>
public sealed class RequestLedger
{
    /// <summary>How many request ids an entity remembers; retries come within minutes, not thousands of writes later.</summary>
    public const int Capacity = 256;

    public Dictionary<string, LedgerEntry> Entries { get; init; } = [];

    public long Sequence { get; private set; }

    /// <summary>A ledger as it was stored.</summary>
    public static RequestLedger Restore(Dictionary<string, LedgerEntry> entries, long sequence) => new() { Entries = entries, Sequence = sequence };

    /// <summary>True when this request id was applied before (a retry); refused when the id was used for other content.</summary>
    public bool IsReplay(RequestKey request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Entries.TryGetValue(request.RequestId, out var entry) && request.IsRetryOf(entry.Fingerprint);
    }

    /// <summary>The result recorded with the request id (for requests whose outcome is not the entity's current state).</summary>
    public string? ResultOf(RequestKey request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Entries.TryGetValue(request.RequestId, out var entry) ? entry.Result : null;
    }

    public void Record(RequestKey request, string? result = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        Entries[request.RequestId] = new LedgerEntry(request.Fingerprint, ++Sequence, result);
        if (Entries.Count > Capacity)
        {
            var oldest = Entries.MinBy(pair => pair.Value.Sequence).Key;
            Entries.Remove(oldest);
        }
    }
}
