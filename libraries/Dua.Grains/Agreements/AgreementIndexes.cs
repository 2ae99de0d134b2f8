using Dua.Domain.Agreements;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;

namespace Dua.Grains.Agreements;

/// <summary>
/// Keeps an agreement's entry in the indexes of its municipalities and its county, which list and filter
/// agreements. Recording an unchanged entry writes nothing, so a retry may record it again.
/// </summary>
internal sealed class AgreementIndexes(IGrainFactory grains)
{
    public Task RecordAsync(AgreementSnapshot agreement)
    {
        var entry = AgreementIndexEntry.Of(agreement);
        return Task.WhenAll(agreement.MunicipalityCodes
            .Select(code => grains.ByKey<IMunicipalityGrain>(GrainKeys.Municipality(code)).RecordAgreementAsync(entry))
            .Append(grains.ByKey<IRegionGrain>(GrainKeys.Region(agreement.RegionCode)).RecordAgreementAsync(entry)));
    }
}
