using Dua.Domain.Participants;

namespace Dua.Domain.Statistics;

/// <summary>The participants who left with one outcome.</summary>
public sealed record OutcomeCount(ExitOutcome Outcome, PersonCount Count);
