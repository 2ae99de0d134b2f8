namespace Dua.Grains.Statistics;

/// <summary>What the aggregates count of one local job track.</summary>
[GenerateSerializer, Immutable, Alias("dua.JobTrackFacts")]
public sealed record JobTrackFacts(
    [property: Id(0)] string OccupationCode,
    [property: Id(1)] bool Open,
    [property: Id(2)] int Places,
    [property: Id(3)] int PlacesTaken);
