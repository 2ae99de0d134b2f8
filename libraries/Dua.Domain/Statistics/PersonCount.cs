namespace Dua.Domain.Statistics;

/// <summary>A count of people as a caller may see it: the count, or withheld (then shown as 0).</summary>
public sealed record PersonCount(long Value, bool Withheld)
{
    public static PersonCount Of(PersonCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Withheld ? new(0, true) : new(cell.Value, false);
    }
}
