using System.Diagnostics;

namespace Dua.Silo.Storage;

/// <summary>
/// One grain's state write waiting for the next group commit: the row it replaces (by version), its new payload
/// (null clears it but keeps the row, so the version keeps counting), the audit record it carries when it
/// acknowledges a call (<see cref="Audit.AuditRides"/>), and the caller waiting for the commit.
/// </summary>
public sealed class StateWrite(string serviceId, string stateName, string grainId, byte[]? payload, int? expectedVersion, Audit.AuditRecord? audit = null)
{
    private readonly TaskCompletionSource<int?> _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The trace of the call that asked for the write, for the group commit's span.</summary>
    public ActivityContext Origin { get; } = Activity.Current?.Context ?? default;

    /// <summary>When the write was queued (<see cref="Stopwatch"/> ticks), for the time it waited to be durable.</summary>
    public long QueuedAt { get; } = Stopwatch.GetTimestamp();

    public string ServiceId { get; } = serviceId;

    public string StateName { get; } = stateName;

    public string GrainId { get; } = grainId;

    public byte[]? Payload { get; } = payload;

    /// <summary>The version the grain last read; null when it believes no row exists yet.</summary>
    public int? ExpectedVersion { get; } = expectedVersion;

    /// <summary>Stored in the same statement, and only if the state is: a stale write leaves no record.</summary>
    public Audit.AuditRecord? Audit { get; } = audit;

    /// <summary>The new version once committed, or null when the row had moved on (a stale write, refused alone).</summary>
    public Task<int?> Committed => _committed.Task;

    internal void Complete(int? version) => _committed.TrySetResult(version);

    internal void Fail(Exception failure) => _committed.TrySetException(failure);
}
