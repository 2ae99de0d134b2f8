using System.Collections.Concurrent;
using Dua.Grains.Abstractions;

namespace Dua.Silo.Audit;

/// <summary>
/// Lets a write call's audit record ride in the same transaction as the grain write that acknowledges the call,
/// so the call costs one commit, not two, and its record can never be missing from a stored write or present for
/// one that failed. Only for calls whose targets the request and the acknowledging grain's key name in full (a
/// participant's steps and enrolments, a municipality's labour-market report); for the others, and whenever the
/// record did not ride (the grain ran on another silo, or a retry found the write already applied and wrote
/// nothing), <see cref="AuditInterceptor"/> records it after the handler as before.
/// </summary>
public sealed class AuditRides
{
    private readonly ConcurrentDictionary<Guid, bool> _offered = new();

    /// <summary>The grains (by key prefix) whose write acknowledges a call of this method, or null when it stores its record itself.</summary>
    public static string? AcknowledgingGrains(string method) => method switch
    {
        _ when method.StartsWith("/dua.v1.ParticipantService/", StringComparison.Ordinal) => GrainKeys.ParticipantPrefix,
        _ when method.StartsWith("/dua.v1.LabourMarketService/", StringComparison.Ordinal) => GrainKeys.LabourMarketPrefix,
        _ => null,
    };

    /// <summary>Offers the record to the grain writes of the current call (through Orleans' request context) until disposed.</summary>
    public Offer Start(AuditRecord record, string acknowledgedBy)
    {
        var stamp = AuditStamp.Of(record, acknowledgedBy);
        _offered[stamp.Id] = false;
        RequestContext.Set(AuditStamp.Key, stamp);
        return new Offer(this, stamp.Id);
    }

    /// <summary>
    /// The record a grain write on this silo carries: the current call's, when this grain acknowledges it. Null
    /// otherwise, and on a silo that did not start the call's offer (then the offering silo records it itself).
    /// </summary>
    public AuditStamp? StampFor(string grainKey) =>
        RequestContext.Get(AuditStamp.Key) is AuditStamp stamp
        && _offered.ContainsKey(stamp.Id)
        && grainKey.StartsWith(stamp.AcknowledgedBy, StringComparison.Ordinal)
            ? stamp
            : null;

    /// <summary>The write that carried the stamp's record is committed.</summary>
    public void Carried(AuditStamp stamp) => _offered.TryUpdate(stamp.Id, true, false);

    /// <summary>One call's offer; disposing it withdraws the record from later writes.</summary>
    public sealed class Offer(AuditRides rides, Guid id) : IDisposable
    {
        /// <summary>Whether a committed grain write carried the record.</summary>
        public bool Carried => rides._offered.TryGetValue(id, out var carried) && carried;

        public void Dispose()
        {
            rides._offered.TryRemove(id, out _);
            RequestContext.Remove(AuditStamp.Key);
        }
    }
}
