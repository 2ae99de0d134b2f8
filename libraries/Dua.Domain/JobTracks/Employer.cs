namespace Dua.Domain.JobTracks;

/// <summary>An employer taking part in a job track, by its organisation number in canonical form.</summary>
public sealed record Employer(string Name, string OrganisationNumber);
