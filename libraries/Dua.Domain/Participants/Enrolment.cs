using System.Collections.Immutable;
using Dua.Domain.Agreements;

namespace Dua.Domain.Participants;

/// <summary>What enrolling a person needs. The person is known only by a keyed pseudonym of their number.</summary>
public sealed record Enrolment(string AgreementId, string Pseudonym, AgeBand AgeBand, ImmutableArray<TargetGroup> TargetGroups, DateOnly EnrolledOn);
