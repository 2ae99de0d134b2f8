using System.Diagnostics;
using System.Globalization;
using Dua.Grains;
using Dua.Domain.Statistics;
using Dua.ReferenceData;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Statistics;

namespace Dua.Benchmarks.Growth;

/// <summary>
/// Feeds the counties' live aggregates directly through <see cref="IRegionStatisticsGrain"/>, as the agreement and
/// participant grains do before they acknowledge a write, with many calls in flight. This skips the authoritative
/// grains and their storage on purpose: what is measured is what the aggregates hold and how fast they are read.
/// </summary>
public sealed class AggregateFeeder(IGrainFactory grains, int concurrency)
{
    private readonly Dictionary<string, IRegionStatisticsGrain> _counties = Geography.Sweden.Counties
        .ToDictionary(c => c.Code, c => grains.GetGrain<IRegionStatisticsGrain>(GrainKeys.RegionStatistics(c.Code)), StringComparer.Ordinal);

    public async Task FeedAgreementsAsync(IEnumerable<AgreementFacts> agreements)
    {
        await Parallel.ForEachAsync(agreements, new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (facts, _) => await _counties[facts.AgreementId[..2]].RecordAgreementAsync(facts));
    }

    /// <summary>Feeds <paramref name="count"/> more participants, printing progress every few seconds; returns the time taken.</summary>
    public async Task<TimeSpan> FeedParticipantsAsync(ParticipantStream participants, int count)
    {
        var started = Stopwatch.StartNew();
        long fed = 0;
        using var progress = new Timer(_ =>
        {
            var done = Interlocked.Read(ref fed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  fed {done:N0} of {count:N0} ({done / started.Elapsed.TotalSeconds:F0}/s)"));
        }, null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        await Parallel.ForEachAsync(participants.Take(count), new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (item, _) =>
            {
                await _counties[item.RegionCode].RecordParticipantAsync(item.Facts);
                Interlocked.Increment(ref fed);
            });
        return started.Elapsed;
    }

    /// <summary>What the county's aggregates hold now.</summary>
    public Task<CountyStatistics> StatisticsAsync(string regionCode) => _counties[regionCode].GetAsync();
}
