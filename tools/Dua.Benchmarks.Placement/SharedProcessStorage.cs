using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Dua.Benchmarks.Placement;

/// <summary>
/// Grain storage that stands in for the database: one table per service id, shared by every silo in this process,
/// reached without Orleans messages, as PostgreSQL is. Orleans' memory storage would not do here: it keeps state
/// in storage grains spread over the silos, so every read and write would be a grain call of its own, most of
/// them cross-silo, whatever the placement.
/// </summary>
/// <remarks>Stores and hands out deep copies and checks ETags, like a database.</remarks>
public sealed class SharedProcessStorage(DeepCopier copier, IOptions<ClusterOptions> cluster) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, (object? State, string ETag)>> s_tables = new();

    // Each test cluster gets a fresh service id: runs never see each other's rows.
    private readonly ConcurrentDictionary<string, (object? State, string ETag)> _rows = s_tables.GetOrAdd(cluster.Value.ServiceId, _ => new());

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.TryGetValue(Key(stateName, grainId), out var row))
        {
            grainState.State = copier.Copy((T)row.State!);
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var etag = Guid.NewGuid().ToString("N");
        var state = copier.Copy(grainState.State);
        lock (_rows)
        {
            var storedETag = _rows.TryGetValue(key, out var current) ? current.ETag : null;
            if (storedETag != grainState.ETag)
            {
                throw new InconsistentStateException($"ETag mismatch writing {key}.", storedETag, grainState.ETag);
            }

            _rows[key] = (state, etag);
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
