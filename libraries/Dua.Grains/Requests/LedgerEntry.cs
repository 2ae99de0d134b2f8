namespace Dua.Grains;

/// <summary>One applied request: its content fingerprint, its order, and an optional result (e.g. a created id).</summary>
[GenerateSerializer, Immutable, Alias("dua.LedgerEntry")]
public sealed record LedgerEntry(
    [property: Id(0)] string Fingerprint,
    [property: Id(1)] long Sequence,
    [property: Id(2)] string? Result);
