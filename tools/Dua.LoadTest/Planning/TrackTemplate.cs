using Dua.Contracts.V1;

namespace Dua.LoadTest.Planning;

/// <summary>
/// A kind of local job track: the shortage occupation (SSYK 2012), the track's name, the education it builds on,
/// its usual length, and the kind of employer behind it.
/// </summary>
/// <param name="EmployerPattern">The employer's name with {0} for the municipality; the names are illustrative.</param>
/// <param name="PublicEmployer">A municipal employer (organisation numbers starting 212000-), else a company.</param>
public sealed record TrackTemplate(
    string OccupationCode,
    string Name,
    JobTrackComponentKind Education,
    int MinWeeks,
    int MaxWeeks,
    string EmployerPattern,
    bool PublicEmployer,
    string? Prerequisite = null);
