using System.Net;
using System.Net.Sockets;
using Dua.Gateway.Discovery;
using Dua.Gateway.Proxy;
using Yarp.ReverseProxy.Forwarder;

namespace Dua.Gateway.Tests;

/// <summary>
/// A failure to forward a call answers the gRPC status it means, never a bare HTTP error, and only the silo's own
/// failures count against its health: a silo whose answers the gateway cannot read, or which resets streams, stays in
/// rotation for everyone else.
/// </summary>
public sealed class ForwardingFailureTests
{
    private const string GetRegion = "/dua.v1.RegionService/GetRegion";

    /// <summary>More failed calls than YARP's passive health check needs to take a destination out (10, half failing).</summary>
    private const int ManyCalls = 30;

    [Fact]
    public async Task An_answer_too_large_to_read_is_Internal_and_the_silo_stays_in_rotation()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint])).Start();
        using var http = GatewayFactory.CreateH2cClient();
        var token = TestTokens.For(TestTokens.Operations);

        // An error answer past the 64 KiB of headers the gateway's HTTP client reads, as silos once sent.
        silo.Status = 3;
        silo.PaddingBytes = 80 * 1024;
        var answers = new List<RawGrpcAnswer>();
        for (var i = 0; i < ManyCalls; i++)
        {
            answers.Add(await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, token));
        }

        (silo.Status, silo.PaddingBytes) = (0, 0);
        var after = await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, token);

        Assert.All(answers, answer => Assert.Equal(("13", "the silo's answer exceeds what the gateway reads"), (answer.GrpcStatus, answer.GrpcMessage)));
        Assert.Equal("0", after.GrpcStatus);
    }

    [Theory]
    [InlineData(0x2, "13")] // INTERNAL_ERROR
    [InlineData(0x8, "1")] // CANCEL
    public async Task A_reset_stream_answers_as_grpc_maps_its_error_code_and_the_silo_stays_in_rotation(int errorCode, string status)
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint])).Start();
        using var http = GatewayFactory.CreateH2cClient();
        var token = TestTokens.For(TestTokens.Operations);

        silo.ResetWith = errorCode;
        var answers = new List<RawGrpcAnswer>();
        for (var i = 0; i < ManyCalls; i++)
        {
            answers.Add(await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, token));
        }

        silo.ResetWith = null;
        var after = await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, token);

        Assert.All(answers, answer => Assert.Equal((System.Net.HttpStatusCode.OK, status), (answer.HttpStatus, answer.GrpcStatus)));
        Assert.Equal("0", after.GrpcStatus);
    }

    [Theory]
    [InlineData(400)] // Kestrel's answer to a request whose body ended early (seen once in four runs after a silo was killed)
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_silo_answer_without_a_grpc_status_is_Unavailable_not_a_bare_HTTP_error(int httpStatus)
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint])).Start();
        using var http = GatewayFactory.CreateH2cClient();
        var token = TestTokens.For(TestTokens.Operations);

        silo.HttpStatusWithoutGrpc = httpStatus;
        var answer = await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, token);
        silo.HttpStatusWithoutGrpc = null;
        var after = await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, token);

        Assert.Equal((HttpStatusCode.OK, "14"), (answer.HttpStatus, answer.GrpcStatus));
        Assert.Contains($"HTTP {httpStatus}", answer.GrpcMessage, StringComparison.Ordinal);
        Assert.Equal("0", after.GrpcStatus);
    }

    [Fact]
    public void A_silo_that_cannot_be_reached_is_Unavailable_and_to_blame()
    {
        var failure = ForwardingFailure.Of(ForwarderError.Request,
            new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)),
            callerLeft: false, answered: false);

        Assert.Equal(new ForwardingFailure(GrpcTrailersOnlyResponse.Unavailable, "the silo could not be reached; retry", true), failure);
    }

    [Theory]
    [InlineData(0x7, GrpcTrailersOnlyResponse.Unavailable)] // REFUSED_STREAM: the call did not start, a retry can succeed
    [InlineData(0x1, GrpcTrailersOnlyResponse.Internal)] // PROTOCOL_ERROR
    [InlineData(0x8, GrpcTrailersOnlyResponse.Cancelled)] // CANCEL
    [InlineData(0xb, GrpcTrailersOnlyResponse.ResourceExhausted)] // ENHANCE_YOUR_CALM
    public void A_reset_stream_maps_as_grpc_maps_http2_error_codes(long errorCode, int status)
    {
        var failure = ForwardingFailure.Of(ForwarderError.Request,
            new HttpRequestException("reset", new HttpProtocolException(errorCode, "reset", null), HttpStatusCode.OK), callerLeft: false, answered: false);

        Assert.Equal((status, false), (failure.Status, failure.SiloAtFault));
    }

    [Theory]
    [InlineData(ForwarderError.RequestBodyClient, false, false, GrpcTrailersOnlyResponse.Internal)]
    [InlineData(ForwarderError.RequestBodyDestination, false, true, GrpcTrailersOnlyResponse.Internal)]
    [InlineData(ForwarderError.RequestCanceled, false, false, GrpcTrailersOnlyResponse.Cancelled)]
    [InlineData(ForwarderError.Request, true, false, GrpcTrailersOnlyResponse.Cancelled)]
    [InlineData(ForwarderError.NoAvailableDestinations, false, false, GrpcTrailersOnlyResponse.Unavailable)]
    public void What_the_caller_or_the_call_caused_is_not_the_silos_fault(ForwarderError error, bool callerLeft, bool answered, int status)
    {
        var failure = ForwardingFailure.Of(error, new IOException("broken"), callerLeft, answered);

        Assert.Equal((status, false), (failure.Status, failure.SiloAtFault));
    }
}
