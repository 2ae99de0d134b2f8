using Dua.Domain.Statistics;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Statistics;

/// <summary>
/// One county's live statistics (keyed by <see cref="GrainKeys.RegionStatistics"/>). It is fed the facts of every
/// change before that change is acknowledged, keeps them in memory only, and counts them again from the
/// authoritative grains whenever it is activated, so that a lost activation loses nothing. Facts carry versions:
/// feeding the same or older facts again changes nothing.
/// </summary>
[Alias("dua.IRegionStatisticsGrain")]
public interface IRegionStatisticsGrain : IGrainWithStringKey
{
    [Alias("RecordParticipant")]
    Task RecordParticipantAsync(ParticipantFacts facts);

    [Alias("RecordAgreement")]
    Task RecordAgreementAsync(AgreementFacts facts);

    [Alias("RecordLabourMarket")]
    Task RecordLabourMarketAsync(LabourMarketFacts facts);

    [Alias("RecordDialogues")]
    Task RecordDialoguesAsync(DialogueFacts facts);

    /// <summary>The county's counts as they stand now.</summary>
    [Alias("Get")]
    Task<CountyStatistics> GetAsync();

    /// <summary>Counts the county again from the authoritative grains; with <paramref name="repair"/>, takes the recount in.</summary>
    /// <remarks>
    /// It reads every participant of the county: 66 s for Stockholm's 231,000 in the national data set, past
    /// Orleans' default response timeout of 30 s, so it is given longer.
    /// </remarks>
    [Alias("Recount")]
    [ResponseTimeout("00:10:00")]
    Task<RegionRecount> RecountAsync(bool repair);
}
