using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Dua.Silo.Tests;

/// <summary>Generic clients (buf curl, grpcurl) need health and reflection without the proto files.</summary>
public sealed class ServiceDiscoveryTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>
{
    [Fact]
    public async Task The_silo_reports_serving_once_ready()
    {
        var response = await new Health.HealthClient(silo.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_lists_the_dua_services()
    {
        using var call = new ServerReflection.ServerReflectionClient(silo.Channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToArray();
        Assert.Contains("dua.v1.RegionService", services);
        Assert.Contains("dua.v1.MunicipalityService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task The_http_probe_answers_healthy()
    {
        using var client = silo.CreateClient();
        var body = await client.GetStringAsync("/healthz");
        Assert.Equal("Healthy", body);
    }
}
