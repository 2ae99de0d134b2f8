namespace Dua.Domain.Statistics;

/// <summary>What the statistics count of one local job track.</summary>
public sealed record JobTrackFacts(string OccupationCode, bool Open, int Places, int PlacesTaken);
