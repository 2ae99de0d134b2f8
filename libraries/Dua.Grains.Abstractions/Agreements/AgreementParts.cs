using System.Collections.Immutable;

namespace Dua.Grains.Agreements;

/// <summary>Who signs for a party.</summary>
[GenerateSerializer, Immutable, Alias("dua.Signatory")]
public sealed record Signatory([property: Id(0)] string Name, [property: Id(1)] string Role, [property: Id(2)] Party Party);

/// <summary>A measurable joint goal.</summary>
[GenerateSerializer, Immutable, Alias("dua.Goal")]
public sealed record Goal(
    [property: Id(0)] string Metric,
    [property: Id(1)] double? Baseline,
    [property: Id(2)] double Target,
    [property: Id(3)] DateOnly TargetDate,
    [property: Id(4)] string Unit);

/// <summary>An employer taking part in a job track; the organisation number is validated at the edge.</summary>
[GenerateSerializer, Immutable, Alias("dua.Employer")]
public sealed record Employer([property: Id(0)] string Name, [property: Id(1)] string OrganisationNumber);

[GenerateSerializer, Immutable, Alias("dua.JobTrackComponent")]
public sealed record JobTrackComponent([property: Id(0)] JobTrackComponentKind Kind, [property: Id(1)] int Weeks);

/// <summary>The terms of an agreement that amendments may change.</summary>
[GenerateSerializer, Immutable, Alias("dua.AgreementTerms")]
public sealed record AgreementTerms(
    [property: Id(0)] string EmploymentOffice,
    [property: Id(1)] ImmutableArray<Signatory> Signatories,
    [property: Id(2)] ImmutableArray<TargetGroup> TargetGroups,
    [property: Id(3)] ImmutableArray<FocusArea> FocusAreas,
    [property: Id(4)] ImmutableArray<Goal> Goals);

/// <summary>A change made after signing.</summary>
[GenerateSerializer, Immutable, Alias("dua.Amendment")]
public sealed record Amendment(
    [property: Id(0)] long Version,
    [property: Id(1)] string Description,
    [property: Id(2)] DateTimeOffset RecordedAt,
    [property: Id(3)] string RequestId);
