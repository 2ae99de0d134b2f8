using System.Collections.Immutable;

namespace Dua.Domain.Statistics;

/// <summary>One dialogue conference as trends count it: its date, whom it invited, and who started work on an agreement after it.</summary>
public sealed record DialogueHeld(DateOnly Date, ImmutableArray<string> Invited, ImmutableArray<string> Started)
{
    public bool Equals(DialogueHeld? other) =>
        other is not null && Date == other.Date && Invited.SequenceEqual(other.Invited) && Started.SequenceEqual(other.Started);

    public override int GetHashCode() => Date.GetHashCode();
}
