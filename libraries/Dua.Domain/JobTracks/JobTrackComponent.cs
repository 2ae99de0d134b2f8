namespace Dua.Domain.JobTracks;

/// <summary>One part of a job track and how many of its weeks it takes.</summary>
public sealed record JobTrackComponent(JobTrackComponentKind Kind, int Weeks);
