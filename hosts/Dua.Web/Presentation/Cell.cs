namespace Dua.Web.Presentation;

/// <summary>
/// One table cell: the text shown (also what the CSV holds), the value it sorts by (null sorts last: withheld and
/// missing values), whether it is a withheld count, and where it links to.
/// </summary>
public sealed record Cell(string Text, IComparable? SortKey = null, bool Withheld = false, string? Link = null)
{
    public static Cell Of(string text, string? link = null) => new(text, text, false, link);

    public static Cell Of(long value) => new(SwedishFormat.Count(value), value);

    public static Cell Of(Dua.Contracts.V1.PersonCount? count) =>
        count is null || count.Suppressed ? new(SwedishFormat.Withheld, null, Withheld: count is not null) : Of(count.Value);

    public static Cell Share(double share) => new(SwedishFormat.Share(share), share);

    public static Cell Share(Dua.Contracts.V1.PersonFigure? figure) =>
        figure is null ? new("", null) : figure.Suppressed ? new(SwedishFormat.Withheld, null, Withheld: true) : Share(figure.Value);

    public static Cell Change(long value) => new(SwedishFormat.Change(value), value);

    public static Cell Empty { get; } = new("", null);
}
