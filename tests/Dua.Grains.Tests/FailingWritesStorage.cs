using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Tests;

/// <summary>
/// In-memory grain storage whose next write can be made to fail, as in a database outage: for testing that a
/// change which was not stored is not kept in memory either. Stores and hands out deep copies, like a database.
/// </summary>
public sealed class FailingWritesStorage(DeepCopier copier) : IGrainStorage
{
    private readonly ConcurrentDictionary<string, (object State, string ETag)> _rows = new();

    /// <summary>Makes the next write of any grain throw.</summary>
    public bool FailNextWrite { get; set; }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.TryGetValue(Key(stateName, grainId), out var row))
        {
            grainState.State = copier.Copy((T)row.State);
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (FailNextWrite)
        {
            FailNextWrite = false;
            throw new InvalidOperationException("Simulated storage outage.");
        }

        var etag = Guid.NewGuid().ToString("N");
        _rows[Key(stateName, grainId)] = (copier.Copy(grainState.State)!, etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows.TryRemove(Key(stateName, grainId), out _);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
