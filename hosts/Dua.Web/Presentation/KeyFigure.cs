namespace Dua.Web.Presentation;

/// <summary>One headline figure of an area: a stable key (for tests and styling), its label, its text, a note.</summary>
public sealed record KeyFigure(string Key, string Label, string Text, string? Note = null)
{
    public bool Withheld => Text == SwedishFormat.Withheld;
}
