using Dua.Testing;
using System.Net;
using System.Net.Http.Headers;
using Dua.Gateway.Discovery;
using Grpc.Core;
using Grpc.Health.V1;
using Xunit.Abstractions;

namespace Dua.Gateway.Tests;

/// <summary>The gateway proxying real h2c gRPC calls to real backends, with the silo set changing underneath it.</summary>
public sealed class GatewayProxyTests(ITestOutputHelper output)
{
    // The brief's promise: a silo that comes or goes is reflected in routing within 10 s.
    private static readonly TimeSpan RoutingDeadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Calls_are_proxied_round_robin_over_two_backends()
    {
        await using var a = await TestBackend.StartAsync("a");
        await using var b = await TestBackend.StartAsync("b");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([a.Endpoint, b.Endpoint])).Start();
        using var channel = gateway.CreateChannel();
        var client = new Health.HealthClient(channel);

        var answeredBy = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            answeredBy.Add(await CheckAsync(client));
        }

        Assert.Equal(5, answeredBy.Count(name => name == "a"));
        Assert.Equal(5, answeredBy.Count(name => name == "b"));
        Assert.All(answeredBy.Zip(answeredBy.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public async Task A_backend_that_joins_later_gets_traffic_within_10_s()
    {
        await using var a = await TestBackend.StartAsync("a");
        await using var b = await TestBackend.StartAsync("b");
        var directory = new InMemorySiloDirectory([a.Endpoint]);
        await using var gateway = new GatewayFactory(directory).Start();
        using var channel = gateway.CreateChannel();
        var client = new Health.HealthClient(channel);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("a", await CheckAsync(client));
        }

        directory.Replace([a.Endpoint, b.Endpoint]);

        var took = await Eventually.HappensWithinAsync(RoutingDeadline, "the new backend b answers a call",
            async () => await TryCheckAsync(client) == "b");
        output.WriteLine($"b got traffic after {took.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task A_stopped_backend_still_listed_stops_getting_traffic_within_10_s()
    {
        await using var a = await TestBackend.StartAsync("a");
        await using var b = await TestBackend.StartAsync("b");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([a.Endpoint, b.Endpoint])).Start();
        using var channel = gateway.CreateChannel();
        var client = new Health.HealthClient(channel);
        Assert.Equal(["a", "b"], [.. new[] { await CheckAsync(client), await CheckAsync(client) }.Order()]);

        // The directory still lists b, as it does for a killed silo until Orleans declares it dead:
        // only the gateway's health checks can take it out of rotation.
        await b.StopAsync();

        var took = await Eventually.HappensWithinAsync(RoutingDeadline, "10 calls in a row succeed, all answered by a",
            () => TenCallsInARowAnsweredByAsync(client, "a"));
        output.WriteLine($"b was out of rotation after {took.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task A_backend_dropped_from_the_directory_stops_getting_traffic_within_10_s()
    {
        await using var a = await TestBackend.StartAsync("a");
        await using var b = await TestBackend.StartAsync("b");
        var directory = new InMemorySiloDirectory([a.Endpoint, b.Endpoint]);
        await using var gateway = new GatewayFactory(directory).Start();
        using var channel = gateway.CreateChannel();
        var client = new Health.HealthClient(channel);
        Assert.Equal(["a", "b"], [.. new[] { await CheckAsync(client), await CheckAsync(client) }.Order()]);

        directory.Replace([a.Endpoint]);

        var took = await Eventually.HappensWithinAsync(RoutingDeadline, "10 calls in a row succeed, all answered by a",
            () => TenCallsInARowAnsweredByAsync(client, "a"));
        output.WriteLine($"b was out of rotation after {took.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task With_no_live_silo_a_grpc_client_sees_Unavailable()
    {
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([])).Start();
        using var channel = gateway.CreateChannel();
        var client = new Health.HealthClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task With_a_listed_silo_that_is_down_a_grpc_client_sees_Unavailable()
    {
        var closedPort = FreePort.Next();
        var down = new SiloEndpoint("127.0.0.1", closedPort, 1, new Uri($"http://127.0.0.1:{closedPort}"));
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([down])).Start();
        using var channel = gateway.CreateChannel();
        var client = new Health.HealthClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Theory]
    [InlineData("/dua.v1.RegionService/GetRegion")]
    [InlineData("/dua.v1.MunicipalityService/GetMunicipality")]
    [InlineData("/grpc.health.v1.Health/Check")]
    [InlineData("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo")]
    [InlineData("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo")]
    public async Task Paths_of_the_dua_v1_services_health_and_reflection_are_proxied(string path)
    {
        await using var a = await TestBackend.StartAsync("a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([a.Endpoint])).Start();
        using var http = GatewayFactory.CreateH2cClient();

        using var response = await http.SendAsync(GrpcPost(new Uri(gateway.Address, path)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["a"], response.Headers.GetValues(TestBackend.NameHeader));
        Assert.Equal([path], a.GrpcPaths);
    }

    [Theory]
    [InlineData("/dua.v2.RegionService/GetRegion")]
    [InlineData("/dua.v1.RegionService/GetRegion/Extra")]
    [InlineData("/dua.v1.RegionService")]
    [InlineData("/other.v1.Service/Method")]
    [InlineData("/grpc.health.v1.Health")]
    [InlineData("/grpc.reflection.v2.ServerReflection/ServerReflectionInfo")]
    [InlineData("/orleans.Dashboard/Get")]
    [InlineData("/")]
    public async Task Other_paths_are_not_proxied(string path)
    {
        await using var a = await TestBackend.StartAsync("a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([a.Endpoint])).Start();
        using var http = GatewayFactory.CreateH2cClient();

        using var response = await http.SendAsync(GrpcPost(new Uri(gateway.Address, path)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains(TestBackend.NameHeader));
        Assert.Empty(a.GrpcPaths);
    }

    [Fact]
    public async Task Only_POST_is_proxied_on_a_gRPC_path()
    {
        await using var a = await TestBackend.StartAsync("a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([a.Endpoint])).Start();
        using var http = GatewayFactory.CreateH2cClient();

        using var response = await http.GetAsync(new Uri(gateway.Address, "/grpc.health.v1.Health/Check"));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains(TestBackend.NameHeader));
    }

    [Fact]
    public async Task The_gateway_answers_its_own_healthz_without_any_silo()
    {
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([])).Start();
        using var http = GatewayFactory.CreateH2cClient();

        using var response = await http.GetAsync(new Uri(gateway.Address, "/healthz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
    }

    private static async Task<string> CheckAsync(Health.HealthClient client)
    {
        using var call = client.CheckAsync(new HealthCheckRequest());
        // The reply's status is not asserted: the backends' health publisher may not have run yet (Unknown).
        await call.ResponseAsync;
        var headers = await call.ResponseHeadersAsync;
        return headers.GetValue(TestBackend.NameHeader) ?? throw new InvalidOperationException("No backend name in the response headers.");
    }

    /// <returns>The backend that answered, or null when the call failed as Unavailable (a destination was down).</returns>
    private static async Task<string?> TryCheckAsync(Health.HealthClient client)
    {
        try
        {
            return await CheckAsync(client);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
        {
            return null;
        }
    }

    private static async Task<bool> TenCallsInARowAnsweredByAsync(Health.HealthClient client, string backend)
    {
        for (var i = 0; i < 10; i++)
        {
            if (await TryCheckAsync(client) != backend)
            {
                return false;
            }
        }

        return true;
    }

    // An empty message in gRPC framing: 1 byte "not compressed" + 4 bytes length 0.
    private static HttpRequestMessage GrpcPost(Uri uri)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            // A hand-made request carries its own version; HttpClient's defaults apply only to its helper methods.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(new byte[5]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        // Every path but the open ones needs a token; with one, what is left to test is the routing.
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(TestTokens.Operations));
        return request;
    }
}
