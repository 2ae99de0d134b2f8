namespace Dua.Domain.Agreements;

/// <summary>A change made after signing, with the version it made and the request that made it.</summary>
public sealed record Amendment(long Version, string Description, DateTimeOffset RecordedAt, string RequestId);
