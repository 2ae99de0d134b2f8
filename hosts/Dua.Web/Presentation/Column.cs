namespace Dua.Web.Presentation;

/// <summary>A table column: its header (also the CSV's) and whether it holds numbers (right-aligned).</summary>
public sealed record Column(string Header, bool Numeric = false);
