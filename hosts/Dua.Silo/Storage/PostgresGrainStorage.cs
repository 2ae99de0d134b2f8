using Dua.Grains.Abstractions.Storage;
using Dua.Silo.Audit;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;

namespace Dua.Silo.Storage;

/// <summary>
/// The platform's grain storage (table <c>dua_grain_state</c>): one row per grain and state name, holding the state
/// as the Orleans serializer writes it and a version that is the grain's ETag. Reads go straight to PostgreSQL;
/// writes go through the silo's <see cref="StateCommitter"/> and so share a transaction with other grains' writes.
/// State written before this storage existed (Orleans' ADO.NET table <c>orleansstorage</c>) is read through the
/// <see cref="LegacyName"/> provider when a grain has no row here yet; its first write then moves it here. The
/// write that acknowledges a call carries the call's audit record into the same statement (<see cref="AuditRides"/>).
/// </summary>
public sealed class PostgresGrainStorage(
    NpgsqlDataSource dataSource,
    StateCommitter committer,
    AuditRides rides,
    IGrainStorageSerializer serializer,
    IOptions<ClusterOptions> cluster,
    IServiceProvider services) : IGrainStorage
{
    /// <summary>The name of Orleans' ADO.NET provider that reads state written by earlier releases.</summary>
    public const string LegacyName = "dua-legacy";

    private const string Read = """
        SELECT payload, version FROM dua_grain_state
        WHERE service_id = $1 AND state_name = $2 AND grain_id = $3
        """;

    private const string AnyLegacyState = "SELECT EXISTS (SELECT 1 FROM orleansstorage WHERE serviceid = $1 AND payloadbinary IS NOT NULL)";

    // A legacy ETag means "no row of ours yet": the first write inserts, and a second activation's racing insert
    // finds the row and fails as stale.
    private const string LegacyTag = "legacy-";

    private readonly string _serviceId = cluster.Value.ServiceId;
    private readonly Lock _legacyLock = new();
    private Task<bool>? _legacyHasState;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            await using var command = dataSource.CreateCommand(Read);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.ToString() });
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                var exists = !reader.IsDBNull(0);
                grainState.State = exists ? serializer.Deserialize<T>(new BinaryData(reader.GetFieldValue<byte[]>(0))) : Activator.CreateInstance<T>();
                grainState.ETag = reader.GetInt32(1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                grainState.RecordExists = exists;
                return;
            }
        }
        catch (NpgsqlException e)
        {
            throw StorageUnavailableException.Find(e)!;
        }

        if (await LegacyHasStateAsync())
        {
            await ReadLegacyAsync(stateName, grainId, grainState);
            return;
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        var key = grainId.Key.ToString()!;
        var stamp = rides.StampFor(key);
        grainState.ETag = await CommitAsync(stateName, grainId, payload, grainState.ETag, stamp?.RecordFor(key));
        grainState.RecordExists = true;
        if (stamp is not null)
        {
            rides.Carried(stamp);
        }
    }

    /// <summary>Clears the payload but keeps the row, so a later write still checks the version (and legacy state stays hidden).</summary>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = await CommitAsync(stateName, grainId, null, grainState.ETag);
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private async Task<string> CommitAsync(string stateName, GrainId grainId, byte[]? payload, string? etag, AuditRecord? audit = null)
    {
        int? expected = etag is null || etag.StartsWith(LegacyTag, StringComparison.Ordinal)
            ? null
            : int.Parse(etag, System.Globalization.CultureInfo.InvariantCulture);
        var version = await committer.WriteAsync(new StateWrite(_serviceId, stateName, grainId.ToString(), payload, expected, audit));
        return version is { } v
            ? v.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : throw new InconsistentStateException($"The {stateName} state of {grainId} was written by someone else since it was read.", "unknown", etag ?? "none");
    }

    private async Task ReadLegacyAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            await services.GetRequiredKeyedService<IGrainStorage>(LegacyName).ReadStateAsync(stateName, grainId, grainState);
        }
        catch (Exception e) when (StorageUnavailableException.Find(e) is { } unavailable)
        {
            throw unavailable;
        }

        grainState.ETag = grainState.ETag is null ? null : LegacyTag + grainState.ETag;
    }

    // Asked once a process: a database that never held legacy state costs no second read per activation.
    private Task<bool> LegacyHasStateAsync()
    {
        lock (_legacyLock)
        {
            if (_legacyHasState is null || _legacyHasState.IsFaulted)
            {
                _legacyHasState = QueryLegacyAsync();
            }

            return _legacyHasState;
        }
    }

    private async Task<bool> QueryLegacyAsync()
    {
        try
        {
            await using var command = dataSource.CreateCommand(AnyLegacyState);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
            return (bool)(await command.ExecuteScalarAsync())!;
        }
        catch (NpgsqlException e)
        {
            throw StorageUnavailableException.Find(e)!;
        }
    }
}
