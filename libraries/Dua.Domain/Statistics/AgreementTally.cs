using System.Collections.Immutable;
using Dua.Domain.Agreements;

namespace Dua.Domain.Statistics;

/// <summary>Agreements of one kind and status.</summary>
public sealed record AgreementTally(AgreementKind Kind, AgreementStatus Status, int Count)
{
    /// <summary>Adds up counts of the same kind and status, ordered by kind then status.</summary>
    public static ImmutableArray<AgreementTally> Sum(IEnumerable<AgreementTally> tallies) =>
        [.. tallies.GroupBy(t => (t.Kind, t.Status))
            .Select(g => new AgreementTally(g.Key.Kind, g.Key.Status, g.Sum(t => t.Count)))
            .Where(t => t.Count != 0)
            .OrderBy(t => t.Kind).ThenBy(t => t.Status)];
}
