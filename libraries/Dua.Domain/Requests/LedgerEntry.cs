namespace Dua.Domain.Requests;

/// <summary>One applied request: its content fingerprint, its order, and an optional result (e.g. a created id).</summary>
public sealed record LedgerEntry(string Fingerprint, long Sequence, string? Result);
