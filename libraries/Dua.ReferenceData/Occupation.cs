namespace Dua.ReferenceData;

/// <summary>An occupation unit group (yrkesgrupp, 4-digit code) from SCB's SSYK 2012.</summary>
public sealed record Occupation(string Code, string Name);
