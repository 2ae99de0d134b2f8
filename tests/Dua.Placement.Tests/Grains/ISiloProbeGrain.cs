namespace Dua.Placement.Tests.Grains;

/// <summary>A grain that only tells where it was activated; its keys are those of the platform's grains.</summary>
public interface ISiloProbeGrain : IGrainWithStringKey
{
    Task<SiloAddress> GetSiloAsync();
}
