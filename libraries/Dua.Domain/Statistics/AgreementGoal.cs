using Dua.Domain.Agreements;

namespace Dua.Domain.Statistics;

/// <summary>A goal of an agreement in force, to be measured where the agreement applies.</summary>
public sealed record AgreementGoal(string AgreementId, AgreementKind Kind, GoalFacts Goal);
