using Dua.Gateway.Discovery;
using Dua.Gateway.Limits;
using Dua.Testing;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dua.Gateway.Tests;

/// <summary>The request size limit and the deadline the gateway puts on calls to silos.</summary>
public sealed class GatewayLimitsTests
{
    private const string GetRegion = "/dua.v1.RegionService/GetRegion";
    private const string Watch = "/dua.v1.StatisticsService/WatchRegionSummary";
    private const string Recount = "/dua.v1.OperationsService/RecountRegion";

    // A recount reads every participant of a county (the national data set's Stockholm took 66 s), so it has a
    // deadline of its own.
    [Theory]
    [InlineData(GetRegion, null, "10000m")]
    [InlineData(GetRegion, "2S", "2S")]
    [InlineData(GetRegion, "9999m", "9999m")]
    [InlineData(GetRegion, "10001m", "10000m")]
    [InlineData(GetRegion, "1H", "10000m")]
    [InlineData(GetRegion, "garbage", "10000m")]
    [InlineData(Recount, null, "90000m")]
    [InlineData(Recount, "2S", "2S")]
    [InlineData(Recount, "1H", "90000m")]
    public async Task A_unary_call_reaches_the_silo_with_at_most_its_deadline(string method, string? sent, string expected)
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint])).Start();
        using var http = GatewayFactory.CreateH2cClient();

        await RawGrpcCall.SendAsync(http, gateway.Address, method, TestTokens.For(TestTokens.Operations),
            sent is null ? [] : [new(GrpcTimeout.HeaderName, sent)]);

        Assert.Equal(expected, Assert.Single(silo.Headers)[GrpcTimeout.HeaderName]);
    }

    [Fact]
    public async Task The_silo_deadline_is_configurable()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint]),
            new Dictionary<string, string> { ["Gateway:Limits:SiloDeadline"] = "00:00:03" }).Start();
        using var http = GatewayFactory.CreateH2cClient();

        await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, TestTokens.For(TestTokens.Operations));

        Assert.Equal("3000m", Assert.Single(silo.Headers)[GrpcTimeout.HeaderName]);
    }

    // A longer one needs the proxy to wait as long (a gateway refusing it is in GatewayTlsProcessTests).
    [Fact]
    public async Task The_recount_deadline_is_configurable_with_the_proxys_wait()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint]), new Dictionary<string, string>
        {
            ["Gateway:Limits:RecountDeadline"] = "00:10:00",
            ["ReverseProxy:Clusters:silos:HttpRequest:ActivityTimeout"] = "00:10:00",
        }).Start();
        using var http = GatewayFactory.CreateH2cClient();

        await RawGrpcCall.SendAsync(http, gateway.Address, Recount, TestTokens.For(TestTokens.Operations));

        Assert.Equal("600000m", Assert.Single(silo.Headers)[GrpcTimeout.HeaderName]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1H")]
    public async Task The_watch_stream_keeps_the_clients_deadline_or_none(string? sent)
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint])).Start();
        using var http = GatewayFactory.CreateH2cClient();

        await RawGrpcCall.SendAsync(http, gateway.Address, Watch, TestTokens.For(TestTokens.Operations),
            sent is null ? [] : [new(GrpcTimeout.HeaderName, sent)]);

        Assert.Equal(sent, Assert.Single(silo.Headers).GetValueOrDefault(GrpcTimeout.HeaderName));
    }

    [Fact]
    public async Task A_message_larger_than_the_limit_is_refused_before_it_reaches_a_silo()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint]),
            new Dictionary<string, string> { ["Gateway:Limits:MaxMessageBytes"] = "4096" }).Start();
        using var http = GatewayFactory.CreateH2cClient();
        var token = TestTokens.For(TestTokens.Operations);

        var small = await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, token, messageBytes: 4096);
        var large = await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, token, messageBytes: 4097);

        Assert.Equal("0", small.GrpcStatus);
        Assert.Equal("8", large.GrpcStatus);
        Assert.Equal("the request message is 4097 bytes, larger than the limit of 4096 bytes", large.GrpcMessage);
        Assert.Single(silo.Calls);
    }

    [Fact]
    public async Task A_grpc_client_streaming_a_request_past_the_limit_sees_ResourceExhausted()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint]),
            new Dictionary<string, string> { ["Gateway:Limits:MaxMessageBytes"] = "4096" }).Start();
        using var channel = gateway.CreateChannel(TestTokens.Operations);
        var method = new Method<byte[], byte[]>(MethodType.Unary, "dua.v1.RegionService", "GetRegion",
            Marshallers.Create(bytes => bytes, bytes => bytes), Marshallers.Create(bytes => bytes, bytes => bytes));
        var invoker = channel.CreateCallInvoker();

        // A gRPC client sends no content-length: the message's own header says how large it is.
        var small = await invoker.AsyncUnaryCall(method, null, new CallOptions(), new byte[1000]).ResponseAsync;
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            invoker.AsyncUnaryCall(method, null, new CallOptions(), new byte[64 * 1024]).ResponseAsync);

        Assert.NotEmpty(small);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Single(silo.Calls);
    }

    [Fact]
    public async Task Reading_a_request_before_forwarding_it_leaves_no_warning_per_call()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        var logs = new CapturedLogs();
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint]),
            services: services => services.AddSingleton<ILoggerProvider>(logs)).Start();
        using var http = GatewayFactory.CreateH2cClient();
        var token = TestTokens.For(TestTokens.Operations);

        // The size check reads every request's header, the response cache a cached read's whole body, before YARP.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("0", (await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, token, messageBytes: 10)).GrpcStatus);
            Assert.Equal("0", (await RawGrpcCall.SendAsync(http, gateway.Address, "/dua.v1.StatisticsService/GetRegionSummary", token, messageBytes: 10 + i)).GrpcStatus);
        }

        Assert.Equal(6, silo.Calls.Count);
        Assert.DoesNotContain(logs.Lines, line => line.Contains("max request body size", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10S", 10_000)]
    [InlineData("250m", 250)]
    [InlineData("2M", 120_000)]
    [InlineData("1H", 3_600_000)]
    [InlineData("1500000u", 1_500)]
    [InlineData("2000000n", 2)]
    public void Grpc_timeouts_parse(string value, int milliseconds)
    {
        Assert.True(GrpcTimeout.TryParse(value, out var timeout));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), timeout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("123456789S")]
    [InlineData("10s")]
    [InlineData("-1S")]
    public void Malformed_grpc_timeouts_do_not_parse(string value)
    {
        Assert.False(GrpcTimeout.TryParse(value, out _));
    }
}
