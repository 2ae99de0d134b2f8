using Dua.Domain.Requests;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Requests.Surrogates;

/// <summary>How one applied request is stored and sent; the ids are those it was first stored with: never renumber or reuse one.</summary>
[GenerateSerializer, Immutable, Alias("dua.LedgerEntry")]
public readonly record struct LedgerEntrySurrogate(
    [property: Id(0)] string Fingerprint,
    [property: Id(1)] long Sequence,
    [property: Id(2)] string? Result);

[RegisterConverter]
public sealed class LedgerEntryConverter : IConverter<LedgerEntry, LedgerEntrySurrogate>
{
    public LedgerEntry ConvertFromSurrogate(in LedgerEntrySurrogate surrogate) =>
        new(surrogate.Fingerprint, surrogate.Sequence, surrogate.Result);

    public LedgerEntrySurrogate ConvertToSurrogate(in LedgerEntry value) =>
        new(value.Fingerprint, value.Sequence, value.Result);
}
