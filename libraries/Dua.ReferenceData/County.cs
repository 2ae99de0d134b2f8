namespace Dua.ReferenceData;

/// <summary>A county (län) from SCB's code list.</summary>
public sealed record County(string Code, string Name);
