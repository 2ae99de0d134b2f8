using System.Collections.Immutable;
using Dua.Domain.JobTracks;

namespace Dua.Domain.Agreements;

/// <summary>
/// A local agreement as it stands, with its job tracks. Its lifecycle (DRAFT → SIGNED → ENDED) is in
/// <see cref="AgreementLifecycle"/>, its job tracks' rules in <see cref="JobTrackChanges"/> and <see cref="JobTrackPlaces"/>.
/// </summary>
public sealed record AgreementSnapshot(
    string Id,
    AgreementKind Kind,
    AgreementStatus Status,
    ImmutableArray<string> MunicipalityCodes,
    string RegionCode,
    AgreementTerms Terms,
    ImmutableArray<JobTrack> JobTracks,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    EndReason EndReason,
    string EndNote,
    string? SuccessorId,
    string? PredecessorId,
    ImmutableArray<Amendment> Amendments,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int ParticipantsAdmitted = 0)
{
    /// <summary>The entity kind an unknown agreement is reported as.</summary>
    public const string Entity = "Agreement";

    /// <summary>Signed, not ended: the agreement takes participants and counts as in force.</summary>
    public bool InForce => Status == AgreementStatus.Signed;

    /// <summary>The agreement, or NOT_FOUND when none was created under <paramref name="id"/>.</summary>
    public static AgreementSnapshot Existing(AgreementSnapshot? agreement, string id) =>
        agreement ?? throw DomainRuleException.NotFound(Entity, $"Agreement '{id}' was not found.");

    /// <summary>The job track, or NOT_FOUND.</summary>
    public JobTrack Track(string jobTrackId) =>
        JobTracks.FirstOrDefault(t => t.Id == jobTrackId)
        ?? throw DomainRuleException.NotFound(JobTrack.Entity, $"Agreement {Id} has no job track '{jobTrackId}'.");

    internal string StatusName => Status.ToString().ToUpperInvariant();
}
