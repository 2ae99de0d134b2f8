using System.Globalization;
using Dua.Gateway.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dua.Gateway.Discovery;

/// <summary>
/// The live silos as Orleans itself sees them: silos publish their gRPC endpoint next to their membership row,
/// and only incarnations whose row is Active (status 3) are routed to. Liveness stays Orleans' decision.
/// </summary>
public sealed partial class PostgreSqlSiloDirectory(
    IOptions<GatewayOptions> options,
    ILogger<PostgreSqlSiloDirectory> logger) : BackgroundService, ISiloDirectory
{
    // Joined on the full incarnation (address, port, generation): a restarted silo's stale endpoint row never
    // matches its new membership row.
    private const string LiveSilosQuery =
        """
        SELECT e.address, e.port, e.generation, e.grpc_endpoint
        FROM dua_silo_endpoints e
        JOIN orleansmembershiptable m
          ON m.deploymentid = e.cluster_id AND m.address = e.address AND m.port = e.port AND m.generation = e.generation
        WHERE e.cluster_id = @cluster_id AND m.status = 3
        """;

    // A hung query must not freeze routing on an old set for longer than a few polls.
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(5);

    private readonly InMemorySiloDirectory _live = new([]);
    private bool _lastPollFailed;

    public SiloDirectorySnapshot GetSnapshot() => _live.GetSnapshot();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Created here, not in the constructor: YARP builds this directory while the app is mapped, before start-up
        // validation has vouched for the connection string.
        await using var dataSource = NpgsqlDataSource.Create(options.Value.ConnectionString!);
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            await RefreshAsync(dataSource, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    // Reads the live set once. On failure the last known set stays in place: silos outlive short database outages.
    private async Task RefreshAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(QueryTimeout);
            var silos = await QueryLiveSilosAsync(dataSource, timeout.Token);

            if (_lastPollFailed)
            {
                LogRecovered(logger);
                _lastPollFailed = false;
            }

            if (_live.Replace(silos))
            {
                LogSilosChanged(logger, silos.Count, string.Join(", ", silos.Select(silo => $"{silo.DestinationId}={silo.GrpcEndpoint}")));
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Any failure, not only database errors: an escaping exception would stop the host.
            // The first failure of an outage is a warning with its cause; repeats every poll would only drown it.
            var known = _live.GetSnapshot().Silos.Count;
            if (_lastPollFailed)
            {
                LogPollStillFailing(logger, e.Message, known);
            }
            else
            {
                LogPollFailed(logger, e, known);
            }

            _lastPollFailed = true;
        }
    }

    private async Task<IReadOnlyList<SiloEndpoint>> QueryLiveSilosAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(LiveSilosQuery);
        command.Parameters.AddWithValue("cluster_id", options.Value.ClusterId);

        var silos = new List<SiloEndpoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var address = reader.GetString(0);
            // Convert rather than GetInt32, so an integer column widened by a later migration still reads.
            var port = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            var generation = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture);
            var endpoint = reader.IsDBNull(3) ? null : reader.GetString(3);

            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var grpcEndpoint))
            {
                LogBadEndpoint(logger, address, port, generation, endpoint);
                continue;
            }

            if (!SiloTransport.MayCarryCallers(grpcEndpoint))
            {
                LogPlaintextEndpoint(logger, address, port, generation, endpoint);
                continue;
            }

            silos.Add(new SiloEndpoint(address, port, generation, grpcEndpoint));
        }

        return silos;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live silos changed: {Count} ({Silos})")]
    private static partial void LogSilosChanged(ILogger logger, int count, string silos);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the live silos from PostgreSQL; keeping the last known {Count} silo(s)")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Still cannot read the live silos from PostgreSQL ({Reason}); keeping the last known {Count} silo(s)")]
    private static partial void LogPollStillFailing(ILogger logger, string reason, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading the live silos from PostgreSQL works again")]
    private static partial void LogRecovered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Address}:{Port}:{Generation} published an unusable gRPC endpoint '{Endpoint}'; not routing to it")]
    private static partial void LogBadEndpoint(ILogger logger, string address, int port, int generation, string? endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Address}:{Port}:{Generation} published a plaintext gRPC endpoint '{Endpoint}' off loopback; not routing to it (caller headers and the silo credential never cross a network in clear text)")]
    private static partial void LogPlaintextEndpoint(ILogger logger, string address, int port, int generation, string? endpoint);
}
