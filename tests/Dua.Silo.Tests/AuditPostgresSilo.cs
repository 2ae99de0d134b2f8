using Dua.Testing;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dua.Silo.Tests;

/// <summary>
/// The real silo host in process with grain storage and the audit trail in PostgreSQL (Silo:Storage PostgreSql)
/// and localhost clustering; the database must already hold the schema.
/// </summary>
internal sealed class AuditPostgresSilo(string connectionString) : WebApplicationFactory<Program>
{
    public GrpcChannel Channel { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Dua", connectionString);
        builder.UseSetting("Silo:Clustering", "Localhost");
        builder.UseSetting("Silo:Storage", "PostgreSql");
        builder.UseSetting("Silo:SiloPort", FreePort.Next().ToString());
        builder.UseSetting("Silo:OrleansClientPort", FreePort.Next().ToString());
        builder.UseSetting("Silo:GrpcPort", FreePort.Next().ToString());
        builder.UseSetting("Silo:HttpPort", FreePort.Next().ToString());
        builder.UseSetting("Participants:PseudonymKey", InMemorySiloFactory.PseudonymKey);
        builder.UseSetting("Silo:GatewayCredential", InMemorySiloFactory.GatewayCredential);
    }

    public async Task StartAsync()
    {
        Channel = GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });
        var health = new Health.HealthClient(Channel);
        await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(90), "the silo serving", async () =>
            (await health.CheckAsync(new HealthCheckRequest())).Status == HealthCheckResponse.Types.ServingStatus.Serving);
    }

    public override async ValueTask DisposeAsync()
    {
        Channel?.Dispose();
        await base.DisposeAsync();
    }
}
