using Dua.Domain.Requests;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Requests.Surrogates;

/// <summary>How a request ledger is stored; the ids are those it was first stored with: never renumber or reuse one.</summary>
/// <remarks>A plain struct, not a record: the ledger was a plain class, and Orleans writes records with one more marker.</remarks>
[GenerateSerializer, Alias("dua.RequestLedger")]
public struct RequestLedgerSurrogate
{
    [Id(0)] public Dictionary<string, LedgerEntry> Entries;

    [Id(1)] public long Sequence;
}

[RegisterConverter]
public sealed class RequestLedgerConverter : IConverter<RequestLedger, RequestLedgerSurrogate>
{
    public RequestLedger ConvertFromSurrogate(in RequestLedgerSurrogate surrogate) => RequestLedger.Restore(surrogate.Entries, surrogate.Sequence);

    public RequestLedgerSurrogate ConvertToSurrogate(in RequestLedger value) => new() { Entries = value.Entries, Sequence = value.Sequence };
}
