namespace Dua.Silo.Hosting;

/// <summary>Where the silos place new grain activations.</summary>
public enum PlacementMode
{
    /// <summary>A county's grains together on one silo, chosen by consistent hashing of the county code (the production choice).</summary>
    Region,

    /// <summary>Orleans' own default placement (resource-optimized), kept for comparison.</summary>
    Default,
}
