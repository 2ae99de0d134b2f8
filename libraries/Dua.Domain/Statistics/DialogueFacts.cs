using System.Collections.Immutable;

namespace Dua.Domain.Statistics;

/// <summary>What the statistics need of a county's dialogues; <see cref="Version"/> grows with every change to them.</summary>
/// <param name="Held">Every dialogue of the county, for trends.</param>
public sealed record DialogueFacts(string CountyCode, long Version, int Open, ImmutableArray<DialogueHeld> Held)
{
    public DialogueFacts(string countyCode, long version, int open)
        : this(countyCode, version, open, [])
    {
    }

    public bool Equals(DialogueFacts? other) =>
        other is not null && CountyCode == other.CountyCode && Version == other.Version && Open == other.Open
        && Held.SequenceEqual(other.Held);

    public override int GetHashCode() => HashCode.Combine(CountyCode, Version);
}
