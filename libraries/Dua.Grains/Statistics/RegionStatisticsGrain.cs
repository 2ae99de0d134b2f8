using Dua.ReferenceData;
using Orleans.Concurrency;
using Microsoft.Extensions.Logging;

namespace Dua.Grains.Statistics;

/// <summary>
/// One county's live aggregates, in memory. On activation it counts the county from the authoritative grains in
/// the background while it already takes in new facts; reads wait for that count. Reentrant, so that the count's
/// own grain calls never block the writes feeding it; everything still runs on the activation's one thread.
/// It stays active: counting again is the costly part, and one activation per county is small.
/// </summary>
[Reentrant]
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class RegionStatisticsGrain(IGrainFactory grains, ILogger<RegionStatisticsGrain> logger) : Grain, IRegionStatisticsGrain
{
    private RegionFacts _live = null!;
    private Task _counted = Task.CompletedTask;
    private RegionStatistics? _snapshot;

    private string RegionCode => this.GetPrimaryKeyString()[GrainKeys.RegionStatisticsPrefix.Length..];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _live = new RegionFacts(RegionCode);
        if (Geography.Sweden.FindCounty(RegionCode) is not null)
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

    public async Task<RegionStatistics> GetAsync()
    {
        RequireKnownCounty();
        await CountedAsync();
        return Snapshot();
    }

    public async Task<RegionRecount> RecountAsync(bool repair)
    {
        RequireKnownCounty();
        await CountedAsync();
        var recount = await RegionFactsReader.ReadAsync(grains, RegionCode);
        var now = DateTimeOffset.UtcNow;
        var live = Snapshot();
        if (repair)
        {
            _live.Merge(recount, replaceEqual: true);
        }

        return new RegionRecount(live, recount.Snapshot(now), repair);
    }

    private RegionStatistics Snapshot()
    {
        var now = DateTimeOffset.UtcNow;
        if (_snapshot is null || _snapshot.Version != _live.Changes)
        {
            _snapshot = _live.Snapshot(now);
        }

        return _snapshot with { AsOf = now };
    }

    private void RequireKnownCounty()
    {
        if (Geography.Sweden.FindCounty(RegionCode) is null)
        {
            throw DomainException.NotFound("dua.v1.Region", $"County '{RegionCode}' was not found.");
        }
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
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var counted = await RegionFactsReader.ReadAsync(grains, RegionCode);
            _live.Merge(counted);
            logger.LogInformation("County {RegionCode} counted: {Participants} participants in {Elapsed:0.0} s",
                RegionCode, counted.ParticipantCount, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Counting county {RegionCode} failed; the next read tries again", RegionCode);
            throw;
        }
    }
}
