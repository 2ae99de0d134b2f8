namespace Dua.Domain.Statistics;

/// <summary>A figure derived from counts of people (a share, a median), withheld (shown as 0) when a count it derives from is.</summary>
public sealed record PersonFigure(double Value, bool Withheld)
{
    public static PersonFigure Of(double value, bool withheld) => withheld ? new(0, true) : new(value, false);
}
