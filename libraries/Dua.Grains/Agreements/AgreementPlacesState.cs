namespace Dua.Grains.Agreements;

/// <summary>
/// Persisted job-track places of <see cref="AgreementGrain"/> (state "agreement-places"): who holds a place on each
/// track, as of the agreement version the last place change made. Written alone when a place is taken or freed, so
/// that a step does not rewrite the agreement's terms. Ids are stable: never renumber or reuse them.
/// </summary>
[GenerateSerializer, Alias("dua.AgreementPlacesState")]
public sealed class AgreementPlacesState
{
    /// <summary>The agreement version of the last place change (0: none stored here yet).</summary>
    [Id(0)] public long Version { get; set; }

    [Id(1)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Participant ids holding a place, by job track id (sorted, as the domain keeps them).</summary>
    [Id(2)] public Dictionary<string, string[]> Tracks { get; set; } = [];
}
