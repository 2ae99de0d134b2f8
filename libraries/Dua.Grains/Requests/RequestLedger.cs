namespace Dua.Grains;

/// <summary>
/// The request ids a grain has applied, kept in its persisted state and written in the same write as the change
/// they made, so "applied" and "recorded" can never disagree. Keeps the most recent <see cref="Capacity"/> ids.
/// </summary>
[GenerateSerializer, Alias("dua.RequestLedger")]
public sealed class RequestLedger
{
    /// <summary>How many request ids a grain remembers; retries come within minutes, not thousands of writes later.</summary>
    public const int Capacity = 256;

    [Id(0)]
    public Dictionary<string, LedgerEntry> Entries { get; set; } = [];

    [Id(1)]
    public long Sequence { get; set; }

    /// <summary>
    /// True when this request id was applied before (a retry); throws when the id was used for other content.
    /// </summary>
    public bool IsReplay(RequestKey request)
    {
        if (!Entries.TryGetValue(request.RequestId, out var entry))
        {
            return false;
        }

        if (entry.Fingerprint != request.Fingerprint)
        {
            throw DomainException.InvalidField("request_id", $"request_id '{request.RequestId}' was already used for a different request");
        }

        return true;
    }

    /// <summary>The result recorded with the request id (for requests whose outcome is not the grain's current state).</summary>
    public string? ResultOf(RequestKey request) => Entries.TryGetValue(request.RequestId, out var entry) ? entry.Result : null;

    public void Record(RequestKey request, string? result = null)
    {
        Entries[request.RequestId] = new LedgerEntry(request.Fingerprint, ++Sequence, result);
        if (Entries.Count > Capacity)
        {
            var oldest = Entries.MinBy(pair => pair.Value.Sequence).Key;
            Entries.Remove(oldest);
        }
    }
}
