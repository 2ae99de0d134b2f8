using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Dua.Gateway.Caching;
using Dua.Gateway.Discovery;
using Dua.Security;
using Dua.Testing;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dua.Gateway.Tests;

/// <summary>The gateway's response cache with real Kestrel backends, through the real gateway on a loopback port.</summary>
public sealed class GatewayResponseCacheTests
{
    // Allow-listed in the gateway's appsettings.json.
    private const string RegionSummary = "/dua.v1.StatisticsService/GetRegionSummary";
    private const string NationalSummary = "/dua.v1.StatisticsService/GetNationalSummary";

    // Routed to the silos, but not allow-listed.
    private const string GetRegion = "/dua.v1.RegionService/GetRegion";

    private static readonly TimeSpan TimeToLive = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task A_repeated_call_within_the_time_to_live_gets_the_stored_answer_byte_for_byte()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = StartGateway(silo);
        using var http = GatewayFactory.CreateH2cClient();

        var first = await CallAsync(http, gateway, RegionSummary, "21");
        var second = await CallAsync(http, gateway, RegionSummary, "21");

        Assert.Single(silo.Calls);
        Assert.Equal(ResponseCacheHeader.Miss, first.Cache);
        Assert.Equal(ResponseCacheHeader.Hit, second.Cache);
        Assert.Equal("0", second.Trailers["grpc-status"]);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.HeadersWithoutCache, second.HeadersWithoutCache);
        Assert.Equal(first.Trailers, second.Trailers);
        // The stored answer still names the silo that produced it, and is that silo's first answer.
        Assert.Equal("silo-a", second.Headers["dua-served-by"]);
        Assert.StartsWith("silo-a call 1 ", AnsweringBackend.MessageText(second.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_who_has_the_whole_answer_finds_it_stored_not_still_in_flight()
    {
        // The stored answer must be in place before the caller is sent the end of it: otherwise the caller's next call
        // can still join the first as if it were in flight. One pair of calls rarely shows that window; many do.
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = StartGateway(silo, new()
        {
            // Many calls in a row, none of them to be refused for their rate.
            ["Gateway:RateLimit:PermitsPerSecond"] = "100000",
            ["Gateway:RateLimit:Burst"] = "100000",
        });
        using var http = GatewayFactory.CreateH2cClient();

        var seconds = new List<string?>();
        for (var question = 0; question < 1000; question++)
        {
            var code = question.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            await CallAsync(http, gateway, RegionSummary, code);
            seconds.Add((await CallAsync(http, gateway, RegionSummary, code)).Cache);
        }

        Assert.Equal(1000, silo.Calls.Count);
        Assert.All(seconds, cache => Assert.Equal(ResponseCacheHeader.Hit, cache));
    }

    [Fact]
    public async Task After_the_time_to_live_the_next_call_goes_to_a_silo_again()
    {
        var clock = new FakeTimeProvider();
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = StartGateway(silo, clock: clock);
        using var http = GatewayFactory.CreateH2cClient();

        await CallAsync(http, gateway, RegionSummary, "21");
        clock.Advance(TimeToLive - TimeSpan.FromMilliseconds(1));
        var justBefore = await CallAsync(http, gateway, RegionSummary, "21");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var expired = await CallAsync(http, gateway, RegionSummary, "21");

        Assert.Equal(ResponseCacheHeader.Hit, justBefore.Cache);
        Assert.Equal(ResponseCacheHeader.Miss, expired.Cache);
        Assert.Equal(2, silo.Calls.Count);
        Assert.StartsWith("silo-a call 2 ", AnsweringBackend.MessageText(expired.Body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GetRegion)]
    [InlineData("/grpc.health.v1.Health/Check")]
    [InlineData("/dua.v1.StatisticsService/WatchRegionSummary")]
    public async Task Methods_off_the_allow_list_are_never_cached(string path)
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = StartGateway(silo);
        using var http = GatewayFactory.CreateH2cClient();

        var first = await CallAsync(http, gateway, path, "21");
        var second = await CallAsync(http, gateway, path, "21");

        Assert.Equal(2, silo.Calls.Count);
        Assert.Null(first.Cache);
        Assert.Null(second.Cache);
        Assert.StartsWith("silo-a call 2 ", AnsweringBackend.MessageText(second.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_answers_are_passed_on_but_never_stored()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = StartGateway(silo);
        using var http = GatewayFactory.CreateH2cClient();
        silo.Status = (int)StatusCode.Unavailable;

        var failed = await CallAsync(http, gateway, RegionSummary, "21");
        var failedAgain = await CallAsync(http, gateway, RegionSummary, "21");
        silo.Status = 0;
        var recovered = await CallAsync(http, gateway, RegionSummary, "21");
        var stored = await CallAsync(http, gateway, RegionSummary, "21");

        Assert.Equal("14", failed.Trailers["grpc-status"]);
        Assert.Equal("failing on purpose (silo-a)", failed.Trailers["grpc-message"]);
        Assert.Equal("14", failedAgain.Trailers["grpc-status"]);
        Assert.Equal(ResponseCacheHeader.Miss, recovered.Cache);
        Assert.Equal("0", recovered.Trailers["grpc-status"]);
        Assert.Equal(ResponseCacheHeader.Hit, stored.Cache);
        Assert.Equal(3, silo.Calls.Count);
    }

    [Fact]
    public async Task Identical_calls_arriving_while_one_is_on_its_way_wait_for_its_answer()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = StartGateway(silo);
        var cache = gateway.Services.GetRequiredService<GrpcResponseCache>();
        using var http = GatewayFactory.CreateH2cClient();
        silo.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var calls = Enumerable.Range(0, 20).Select(_ => CallAsync(http, gateway, NationalSummary, "")).ToList();
        // Held at the silo until the other 19 calls wait for its answer.
        await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(10), "the first call reaches the silo, the other 19 wait for its answer",
            () => Task.FromResult(silo.Calls.Count > 0 && cache.JoinedCalls == 19));
        silo.Gate.SetResult();
        var answers = await Task.WhenAll(calls);

        Assert.Single(silo.Calls);
        Assert.All(answers, answer => Assert.StartsWith("silo-a call 1 ", AnsweringBackend.MessageText(answer.Body), StringComparison.Ordinal));
        Assert.All(answers, answer => Assert.Equal("0", answer.Trailers["grpc-status"]));
        Assert.Equal(1, answers.Count(answer => answer.Cache == ResponseCacheHeader.Miss));
        Assert.Contains(answers, answer => answer.Cache == ResponseCacheHeader.Shared);
    }

    [Fact]
    public async Task Identical_calls_waiting_on_a_call_that_fails_ask_a_silo_themselves()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = StartGateway(silo);
        var cache = gateway.Services.GetRequiredService<GrpcResponseCache>();
        using var http = GatewayFactory.CreateH2cClient();
        silo.Status = (int)StatusCode.Unavailable;
        silo.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = CallAsync(http, gateway, RegionSummary, "04");
        await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(10), "the first call reaches the silo",
            () => Task.FromResult(silo.Calls.Count > 0));
        var waiting = Enumerable.Range(0, 5).Select(_ => CallAsync(http, gateway, RegionSummary, "04")).ToList();
        await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(10), "the 5 other calls wait for its answer",
            () => Task.FromResult(cache.JoinedCalls == 5));
        silo.Status = 0;
        silo.Gate.SetResult();

        Assert.Equal("14", (await first).Trailers["grpc-status"]);
        var answers = await Task.WhenAll(waiting);
        Assert.All(answers, answer => Assert.Equal("0", answer.Trailers["grpc-status"]));
        Assert.Equal(6, silo.Calls.Count);
    }

    [Fact]
    public async Task The_request_body_is_part_of_the_key()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = StartGateway(silo);
        using var http = GatewayFactory.CreateH2cClient();

        var gavleborg = await CallAsync(http, gateway, RegionSummary, "21");
        var sodermanland = await CallAsync(http, gateway, RegionSummary, "04");
        var gavleborgAgain = await CallAsync(http, gateway, RegionSummary, "21");

        Assert.Equal(ResponseCacheHeader.Miss, sodermanland.Cache);
        Assert.Equal(ResponseCacheHeader.Hit, gavleborgAgain.Cache);
        Assert.Equal(gavleborg.Body, gavleborgAgain.Body);
        Assert.NotEqual(gavleborg.Body, sodermanland.Body);
        Assert.Equal([Frame("21"), Frame("04")], silo.Calls.Select(call => call.Body));
    }

    [Fact]
    public async Task The_method_is_part_of_the_key()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = StartGateway(silo);
        using var http = GatewayFactory.CreateH2cClient();

        await CallAsync(http, gateway, RegionSummary, "");
        var national = await CallAsync(http, gateway, NationalSummary, "");

        Assert.Equal(ResponseCacheHeader.Miss, national.Cache);
        Assert.Equal([RegionSummary, NationalSummary], silo.Calls.Select(call => call.Path));
    }

    [Fact]
    public async Task Callers_with_the_same_role_and_areas_share_answers()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = StartGateway(silo);
        using var http = GatewayFactory.CreateH2cClient();

        var first = await CallAsync(http, gateway, RegionSummary, "21", TestTokens.RegionalOffice("office-1", "21"));
        // Another person at an office for the same county: the same view, so the same answer.
        var colleague = await CallAsync(http, gateway, RegionSummary, "21", TestTokens.RegionalOffice("office-2", "21"));

        Assert.Equal(ResponseCacheHeader.Miss, first.Cache);
        Assert.Equal(ResponseCacheHeader.Hit, colleague.Cache);
        Assert.Equal(first.Body, colleague.Body);
        Assert.Single(silo.Calls);
    }

    [Fact]
    public async Task A_regional_office_answer_is_never_served_to_an_agency_and_vice_versa()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = StartGateway(silo);
        using var http = GatewayFactory.CreateH2cClient();
        var office = TestTokens.RegionalOffice("office-1", "21");
        var agency = TestTokens.Agency("agency-1", "21");

        var asOffice = await CallAsync(http, gateway, RegionSummary, "21", office);
        var asAgency = await CallAsync(http, gateway, RegionSummary, "21", agency);
        var asOfficeAgain = await CallAsync(http, gateway, RegionSummary, "21", office);
        var asAgencyAgain = await CallAsync(http, gateway, RegionSummary, "21", agency);
        // Same role, other areas: another view too.
        var asOtherOffice = await CallAsync(http, gateway, RegionSummary, "21", TestTokens.RegionalOffice("office-3", "04"));

        Assert.Equal(ResponseCacheHeader.Miss, asAgency.Cache);
        Assert.Equal(ResponseCacheHeader.Miss, asOtherOffice.Cache);
        Assert.NotEqual(asOffice.Body, asAgency.Body);
        Assert.Equal(asOffice.Body, asOfficeAgain.Body);
        Assert.Equal(asAgency.Body, asAgencyAgain.Body);
        Assert.Equal(ResponseCacheHeader.Hit, asOfficeAgain.Cache);
        Assert.Equal(ResponseCacheHeader.Hit, asAgencyAgain.Cache);
        Assert.Equal(3, silo.Calls.Count);
        Assert.Equal(
            [Roles.RegionalOffice, Roles.Agency, Roles.RegionalOffice],
            silo.Headers.Select(headers => headers[CallerHeaders.Role]));
    }

    [Fact]
    public async Task A_call_without_a_valid_token_never_gets_a_stored_answer()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = StartGateway(silo);
        using var http = GatewayFactory.CreateH2cClient();

        var stored = await CallAsync(http, gateway, RegionSummary, "21");
        var anonymous = await CallAsync(http, gateway, RegionSummary, "21", token: "");
        var forged = await CallAsync(http, gateway, RegionSummary, "21", token: "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");

        Assert.Equal(ResponseCacheHeader.Miss, stored.Cache);
        Assert.All([anonymous, forged], answer =>
        {
            Assert.Equal("16", answer.Headers["grpc-status"]);
            Assert.Null(answer.Cache);
            Assert.Empty(answer.Body);
        });
        Assert.Single(silo.Calls);
    }

    [Fact]
    public void Without_an_authenticated_caller_there_is_no_view_to_cache_under()
    {
        Assert.Null(new RoleAndAreasCallerView().KeyOf(new DefaultHttpContext()));
    }

    [Fact]
    public async Task Answers_larger_than_the_limit_are_passed_on_whole_but_not_stored()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = StartGateway(silo, settings: new() { ["Gateway:ResponseCache:MaxResponseBytes"] = "20" });
        using var http = GatewayFactory.CreateH2cClient();

        var first = await CallAsync(http, gateway, RegionSummary, "21");
        var second = await CallAsync(http, gateway, RegionSummary, "21");

        Assert.True(first.Body.Length > 20);
        Assert.StartsWith("silo-a call 1 ", AnsweringBackend.MessageText(first.Body), StringComparison.Ordinal);
        Assert.Equal(ResponseCacheHeader.Miss, second.Cache);
        Assert.Equal(2, silo.Calls.Count);
    }

    [Fact]
    public async Task With_the_cache_off_every_call_goes_to_a_silo()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = StartGateway(silo, settings: new() { ["Gateway:ResponseCache:Enabled"] = "false" });
        using var http = GatewayFactory.CreateH2cClient();

        var first = await CallAsync(http, gateway, RegionSummary, "21");
        var second = await CallAsync(http, gateway, RegionSummary, "21");

        Assert.Null(first.Cache);
        Assert.Null(second.Cache);
        Assert.Equal(2, silo.Calls.Count);
    }

    [Fact]
    public async Task A_grpc_client_reads_a_stored_answer_like_any_other()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = StartGateway(silo);
        using var channel = gateway.CreateChannel(TestTokens.Operations);
        var method = new Method<StringValue, StringValue>(MethodType.Unary, "dua.v1.StatisticsService", "GetRegionSummary",
            Marshallers.Create(message => message.ToByteArray(), StringValue.Parser.ParseFrom),
            Marshallers.Create(message => message.ToByteArray(), StringValue.Parser.ParseFrom));
        var invoker = channel.CreateCallInvoker();

        var answers = new List<(string Text, string? Cache, string? ServedBy, StatusCode Status)>();
        for (var i = 0; i < 2; i++)
        {
            using var call = invoker.AsyncUnaryCall(method, host: null, new CallOptions(), new StringValue { Value = "21" });
            var reply = await call.ResponseAsync;
            var headers = await call.ResponseHeadersAsync;
            answers.Add((reply.Value, headers.GetValue(ResponseCacheHeader.Name), headers.GetValue("dua-served-by"), call.GetStatus().StatusCode));
        }

        Assert.Equal(ResponseCacheHeader.Miss, answers[0].Cache);
        Assert.Equal(ResponseCacheHeader.Hit, answers[1].Cache);
        Assert.Equal(answers[0].Text, answers[1].Text);
        Assert.All(answers, answer => Assert.Equal(StatusCode.OK, answer.Status));
        Assert.All(answers, answer => Assert.Equal("silo-a", answer.ServedBy));
        Assert.Single(silo.Calls);
    }

    private static GatewayFactory StartGateway(
        AnsweringBackend silo,
        Dictionary<string, string>? settings = null,
        FakeTimeProvider? clock = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Gateway:ResponseCache:Enabled"] = "true",
            ["Gateway:ResponseCache:TimeToLive"] = TimeToLive.ToString(),
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        // Tests that do not turn the clock by hand still get one that stands still: no answer expires under them.
        return new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint]), all, collection =>
            collection.AddKeyedSingleton<TimeProvider>(GrpcResponseCache.ClockKey, clock ?? new FakeTimeProvider()))
            .Start();
    }

    // A gRPC frame: not compressed, big-endian length, then a StringValue message (empty text: an empty message).
    private static byte[] Frame(string text)
    {
        var message = text.Length == 0 ? [] : new StringValue { Value = text }.ToByteArray();
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1, 4), message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }

    /// <param name="caller">Who calls (operations when not given).</param>
    /// <param name="token">A token to send as it is instead of one for the caller; empty sends none.</param>
    private static async Task<RawAnswer> CallAsync(
        HttpClient http, GatewayFactory gateway, string path, string text, Caller? caller = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway.Address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(Frame(text)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        token ??= TestTokens.For(caller ?? TestTokens.Operations);
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(header => header.Key.ToLowerInvariant(), header => string.Join(",", header.Value));
        var trailers = response.TrailingHeaders.ToDictionary(header => header.Key.ToLowerInvariant(), header => string.Join(",", header.Value));
        return new RawAnswer(headers, body, trailers);
    }

    /// <summary>An answer as it arrived: headers (content headers included), the body bytes and the trailers.</summary>
    private sealed record RawAnswer(Dictionary<string, string> Headers, byte[] Body, Dictionary<string, string> Trailers)
    {
        public string? Cache => Headers.GetValueOrDefault(ResponseCacheHeader.Name);

        // Date is the time of sending, which differs for any two answers; dua-cache says how the cache took part.
        public IEnumerable<string> HeadersWithoutCache =>
            Headers.Where(header => header.Key is not (ResponseCacheHeader.Name or "date"))
                .Select(header => $"{header.Key}: {header.Value}")
                .Order(StringComparer.Ordinal);
    }
}
