namespace Dua.Domain.Statistics;

/// <summary>One count of people in a summary, and whether the caller is kept from seeing it.</summary>
public sealed class PersonCell(long value, bool withheld)
{
    public long Value { get; } = value;

    public bool Withheld { get; set; } = withheld;
}
