namespace Dua.ReferenceData;

/// <summary>A municipality (kommun) from SCB's code list, with the county it lies in.</summary>
public sealed record MunicipalityEntry(string Code, string Name, string CountyCode);
