using Npgsql;
using Orleans.Runtime;

namespace Dua.Silo.Hosting;

/// <summary>
/// Publishes this silo's gRPC endpoint next to its Orleans membership row, so the gateway can route to exactly
/// the silos the cluster considers active (it joins the two tables). Liveness stays Orleans' own decision.
/// </summary>
public sealed class SiloEndpointRegistry(NpgsqlDataSource dataSource, ILocalSiloDetails silo, SiloHostOptions options)
{
    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var address = silo.SiloAddress;
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO dua_silo_endpoints (cluster_id, address, port, generation, grpc_endpoint)
            VALUES (@cluster_id, @address, @port, @generation, @grpc_endpoint)
            ON CONFLICT (cluster_id, address, port, generation) DO UPDATE SET grpc_endpoint = EXCLUDED.grpc_endpoint;

            -- Earlier incarnations of this silo address are dead by definition.
            DELETE FROM dua_silo_endpoints
            WHERE cluster_id = @cluster_id AND address = @address AND port = @port AND generation < @generation;
            """);
        command.Parameters.AddWithValue("cluster_id", options.ClusterId);
        command.Parameters.AddWithValue("address", address.Endpoint.Address.ToString());
        command.Parameters.AddWithValue("port", address.Endpoint.Port);
        command.Parameters.AddWithValue("generation", address.Generation);
        command.Parameters.AddWithValue("grpc_endpoint", options.GrpcEndpoint);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Withdraws this silo's endpoint: the gateway stops routing to it at its next poll.</summary>
    public async Task UnregisterAsync(CancellationToken cancellationToken)
    {
        var address = silo.SiloAddress;
        await using var command = dataSource.CreateCommand(
            "DELETE FROM dua_silo_endpoints WHERE cluster_id = @cluster_id AND address = @address AND port = @port AND generation = @generation");
        command.Parameters.AddWithValue("cluster_id", options.ClusterId);
        command.Parameters.AddWithValue("address", address.Endpoint.Address.ToString());
        command.Parameters.AddWithValue("port", address.Endpoint.Port);
        command.Parameters.AddWithValue("generation", address.Generation);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
