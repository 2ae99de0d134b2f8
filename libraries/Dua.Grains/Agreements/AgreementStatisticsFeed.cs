using Dua.Domain.Agreements;
using Dua.Grains.Statistics;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;
using Dua.Grains.Abstractions.Statistics;

namespace Dua.Grains.Agreements;

/// <summary>
/// Feeds an agreement's newest facts to its county's aggregates before a change is acknowledged; the facts carry
/// the agreement's version, so feeding them again (a retry) or late changes nothing.
/// </summary>
internal sealed class AgreementStatisticsFeed(IGrainFactory grains)
{
    public Task RecordAsync(AgreementSnapshot agreement) =>
        grains.ByKey<IRegionStatisticsGrain>(GrainKeys.RegionStatistics(agreement.RegionCode)).RecordAgreementAsync(StatisticsFacts.Of(agreement));
}
