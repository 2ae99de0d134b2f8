namespace Dua.Domain.Statistics;

/// <summary>How many of an area's municipalities an agreement in force covers, and their share of the area's.</summary>
public sealed record Coverage(int Municipalities, double Share)
{
    public static Coverage Of(int covered, int municipalities) =>
        new(covered, municipalities == 0 ? 0 : (double)covered / municipalities);
}
