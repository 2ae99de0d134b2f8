namespace Dua.Domain.Statistics;

/// <summary>One count of people in a summary, and whether the caller is kept from seeing it.</summary>
public sealed class PersonCell(long value, bool withheld)
{
    public long Value { get; } = value;

    public bool Withheld { get; set; } = withheld;

    /// <summary>Shown elsewhere as it is (a summary's figure), so secondary suppression must withhold other cells instead.</summary>
    public bool Pinned { get; init; }
}
