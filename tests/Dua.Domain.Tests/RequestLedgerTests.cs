using Dua.Domain.Requests;

namespace Dua.Domain.Tests;

/// <summary>The request ledger on its own: it remembers the newest <see cref="RequestLedger.Capacity"/> request ids.</summary>
public sealed class RequestLedgerTests
{
    [Fact]
    public void The_ledger_forgets_the_oldest_request_ids_beyond_its_capacity()
    {
        var ledger = new RequestLedger();
        var keys = Enumerable.Range(0, RequestLedger.Capacity + 10).Select(i => new RequestKey($"req-{i}", $"content-{i}")).ToArray();
        foreach (var key in keys)
        {
            ledger.Record(key, result: $"result-{key.RequestId}");
        }

        Assert.Equal(RequestLedger.Capacity, ledger.Entries.Count);
        Assert.All(keys[..10], key => Assert.False(ledger.IsReplay(key)));
        Assert.All(keys[10..], key => Assert.True(ledger.IsReplay(key)));
        Assert.Null(ledger.ResultOf(keys[0]));
        Assert.Equal("result-req-10", ledger.ResultOf(keys[10]));
        Assert.Equal($"result-req-{RequestLedger.Capacity + 9}", ledger.ResultOf(keys[^1]));
    }

    [Fact]
    public void A_remembered_request_id_with_other_content_is_refused()
    {
        var ledger = new RequestLedger();
        ledger.Record(new RequestKey("req-1", "content"));

        Assert.True(ledger.IsReplay(new RequestKey("req-1", "content")));
        var refused = Assert.Throws<DomainRuleException>(() => ledger.IsReplay(new RequestKey("req-1", "other content")));
        Assert.Equal((DomainRuleKind.InvalidValue, RequestKey.Field), (refused.Kind, refused.Subject));
        Assert.False(ledger.IsReplay(new RequestKey("req-2", "content")));
    }

    [Fact]
    public void A_ledger_restored_from_storage_keeps_counting_where_it_stopped()
    {
        var ledger = RequestLedger.Restore(new Dictionary<string, LedgerEntry> { ["req-7"] = new("content", 7, "t2") }, sequence: 7);

        ledger.Record(new RequestKey("req-8", "more"));

        Assert.Equal((8L, 8L), (ledger.Sequence, ledger.Entries["req-8"].Sequence));
        Assert.Equal("t2", ledger.ResultOf(new RequestKey("req-7", "content")));
    }

    [Fact]
    public void A_create_request_claims_its_entity_once_and_a_retry_gets_the_same_entity()
    {
        var first = RequestClaim.Claim(null, new RequestKey("create-1", "content"), "21-0123456789abcdef");
        var retry = RequestClaim.Claim(first, new RequestKey("create-1", "content"), "04-fedcba9876543210");

        Assert.Same(first, retry);
        Assert.True(first.IsMadeBy(new RequestKey("create-1", "content")));
        Assert.False(first.IsMadeBy(new RequestKey("create-1", "other content")));
        var refused = Assert.Throws<DomainRuleException>(() => RequestClaim.Claim(first, new RequestKey("create-1", "other content"), "04-fedcba9876543210"));
        Assert.Equal((DomainRuleKind.InvalidValue, RequestKey.Field), (refused.Kind, refused.Subject));
        Assert.Contains("create-1", refused.Message, StringComparison.Ordinal);
    }
}
