namespace Dua.Placement.Tests.Grains;

public sealed class SiloProbeGrain(ILocalSiloDetails silo) : Grain, ISiloProbeGrain
{
    public Task<SiloAddress> GetSiloAsync() => Task.FromResult(silo.SiloAddress);
}
