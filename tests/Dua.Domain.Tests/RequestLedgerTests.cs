using Dua.Grains.Agreements;
using static Dua.Grains.Tests.AgreementTestData;

namespace Dua.Grains.Tests;

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
        var refused = Assert.Throws<DomainException>(() => ledger.IsReplay(new RequestKey("req-1", "other content")));
        Assert.Equal((DomainErrorKind.InvalidArgument, "request_id"), (refused.Kind, refused.Subject));
        Assert.False(ledger.IsReplay(new RequestKey("req-2", "content")));
    }
}
