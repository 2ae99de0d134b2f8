using System.Collections.Immutable;
using Dua.Domain.Agreements;

namespace Dua.Domain.Statistics;

/// <summary>What a county's statistics need of one agreement; <see cref="Version"/> orders the facts of one agreement.</summary>
/// <param name="Dates">When it was in force: what trends count by.</param>
public sealed record AgreementFacts(
    string AgreementId,
    long Version,
    AgreementKind Kind,
    AgreementStatus Status,
    ImmutableArray<string> MunicipalityCodes,
    ImmutableArray<JobTrackFacts> JobTracks,
    ImmutableArray<GoalFacts> Goals,
    AgreementDates Dates = default)
{
    /// <summary>A signed agreement is in force: it covers its municipalities, and its job tracks and goals count.</summary>
    public bool InForce => Status == AgreementStatus.Signed;
}
