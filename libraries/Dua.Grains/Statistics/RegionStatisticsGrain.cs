using System.Diagnostics;
using Dua.Domain;
using Dua.Domain.Statistics;
using Dua.ReferenceData;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Statistics;

namespace Dua.Grains.Statistics;

/// <summary>
/// One county's live statistics, in memory: the county's facts (<see cref="CountyFacts"/>), which decide the
/// counts. On activation it counts the county from the authoritative grains in the background while it already
/// takes in new facts; reads wait for that count. Reentrant, so that the count's own grain calls never block the
/// writes feeding it; everything still runs on the activation's one thread. It stays active: counting again is
/// the costly part, and one activation per county is small.
/// </summary>
[Reentrant]
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class RegionStatisticsGrain(IGrainFactory grains, ILogger<RegionStatisticsGrain> logger) : Grain, IRegionStatisticsGrain
{
    private CountyFacts _live = null!;
    private Task _counted = Task.CompletedTask;
    private CountyStatistics? _snapshot;

    private string CountyCode => this.GetPrimaryKeyString()[GrainKeys.RegionStatisticsPrefix.Length..];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _live = new CountyFacts(CountyCode);
        if (Geography.Sweden.FindCounty(CountyCode) is not null)
        {
            _counted = CountAsync();
        }

        return Task.CompletedTask;
    }

    public Task RecordParticipantAsync(ParticipantFacts facts)
    {
        _live.Apply(facts);
        return Task.CompletedTask;
    }

    public Task RecordAgreementAsync(AgreementFacts facts)
    {
        _live.Apply(facts);
        return Task.CompletedTask;
    }

    public Task RecordLabourMarketAsync(LabourMarketFacts facts)
    {
        _live.Apply(facts);
        return Task.CompletedTask;
    }

    public Task RecordDialoguesAsync(DialogueFacts facts)
    {
        _live.Apply(facts);
        return Task.CompletedTask;
    }

    public async Task<CountyStatistics> GetAsync()
    {
        KnownAreas.RequireCounty(CountyCode);
        await CountedAsync();
        return Snapshot();
    }

    public async Task<RegionRecount> RecountAsync(bool repair)
    {
        KnownAreas.RequireCounty(CountyCode);
        await CountedAsync();
        var recount = await RegionFactsReader.ReadAsync(grains, CountyCode);
        var now = DateTimeOffset.UtcNow;
        var live = Snapshot();
        if (repair)
        {
            _live.Merge(recount, replaceEqual: true);
        }

        return new RegionRecount(live, recount.Snapshot(now), repair);
    }

    private CountyStatistics Snapshot()
    {
        var now = DateTimeOffset.UtcNow;
        if (_snapshot is null || _snapshot.Version != _live.Changes)
        {
            _snapshot = _live.Snapshot(now);
        }

        return _snapshot with { AsOf = now };
    }

    // A count that failed (a silo lost mid-way) is started again by the next read.
    private Task CountedAsync()
    {
        if (_counted.IsFaulted || _counted.IsCanceled)
        {
            _counted = CountAsync();
        }

        return _counted;
    }

    private async Task CountAsync()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var counted = await RegionFactsReader.ReadAsync(grains, CountyCode);
            _live.Merge(counted);
            logger.LogInformation("County {CountyCode} counted: {Participants} participants in {Elapsed:0.0} s",
                CountyCode, counted.ParticipantCount, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Counting county {CountyCode} failed; the next read tries again", CountyCode);
            throw;
        }
    }
}
