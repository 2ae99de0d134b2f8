namespace Dua.Benchmarks.Placement;

/// <summary>The two placements compared; the silo's <c>Silo:Placement</c> setting has the same two values.</summary>
public enum PlacementChoice
{
    Region,
    Default,
}
