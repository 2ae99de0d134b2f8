using System.Collections.Immutable;
using Dua.Grains.Agreements;

namespace Dua.Grains.Participants;

/// <summary>What enrolling a person needs. The person is known only by a keyed pseudonym of their number.</summary>
[GenerateSerializer, Immutable, Alias("dua.Enrolment")]
public sealed record Enrolment(
    [property: Id(0)] string AgreementId,
    [property: Id(1)] string Pseudonym,
    [property: Id(2)] AgeBand AgeBand,
    [property: Id(3)] ImmutableArray<TargetGroup> TargetGroups,
    [property: Id(4)] DateOnly EnrolledOn);
