using Dua.Domain.Requests;

namespace Dua.Grains.Requests.Serialization;

/// <summary>How a request ledger is stored; the ids are those it was first stored with: never renumber or reuse one.</summary>
[GenerateSerializer, Alias("dua.RequestLedger")]
public readonly record struct RequestLedgerSurrogate(
    [property: Id(0)] Dictionary<string, LedgerEntry> Entries,
    [property: Id(1)] long Sequence);

[RegisterConverter]
public sealed class RequestLedgerConverter : IConverter<RequestLedger, RequestLedgerSurrogate>
{
    public RequestLedger ConvertFromSurrogate(in RequestLedgerSurrogate surrogate) => RequestLedger.Restore(surrogate.Entries, surrogate.Sequence);

    public RequestLedgerSurrogate ConvertToSurrogate(in RequestLedger value) => new(value.Entries, value.Sequence);
}
