using System.Net;
using Dua.Gateway.Authentication;
using Dua.Gateway.Discovery;
using Dua.Security;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Dua.Gateway.Tests;

/// <summary>The gate in front of the gateway: tokens checked, refusals as gRPC statuses, caller headers set only by it.</summary>
public sealed class GatewayAuthenticationTests
{
    private const string GetRegion = "/dua.v1.RegionService/GetRegion";

    public static TheoryData<string, string> BadTokens => new()
    {
        { "none", "missing bearer token" },
        { "expired", "expired" },
        { "wrong issuer", "issuer" },
        { "wrong audience", "audience" },
        { "other key", "signature" },
        { "tampered", "signature" },
        { "bad role", "role" },
        { "not a JWT", "malformed" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_call_with_a_bad_token_is_UNAUTHENTICATED_and_never_reaches_a_silo(string kind, string reason)
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint])).Start();
        using var http = GatewayFactory.CreateH2cClient();
        var token = BadToken(kind);

        var answer = await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, token);

        Assert.Equal(HttpStatusCode.OK, answer.HttpStatus);
        Assert.Equal("application/grpc", answer.Fields["content-type"]);
        Assert.Equal("16", answer.GrpcStatus);
        Assert.Contains(reason, answer.GrpcMessage, StringComparison.Ordinal);
        Assert.Empty(answer.Body);
        if (token is { Length: > 0 })
        {
            Assert.DoesNotContain(token, answer.GrpcMessage, StringComparison.Ordinal);
        }

        Assert.Empty(silo.Calls);
    }

    [Fact]
    public async Task A_grpc_client_without_a_token_sees_Unauthenticated()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint])).Start();
        using var channel = gateway.CreateChannel();
        var method = new Method<byte[], byte[]>(MethodType.Unary, "dua.v1.RegionService", "GetRegion",
            Marshallers.Create(bytes => bytes, bytes => bytes), Marshallers.Create(bytes => bytes, bytes => bytes));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(), []).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("missing bearer token", error.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(silo.Calls);
    }

    [Fact]
    public async Task A_valid_token_passes_the_caller_and_the_credential_on_and_nothing_the_client_made_up()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint])).Start();
        using var http = GatewayFactory.CreateH2cClient();
        var caller = TestTokens.Agency("system-ö 1", "2184", "21");

        var answer = await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, TestTokens.For(caller),
        [
            new(CallerHeaders.Role, Roles.Operations),
            new(CallerHeaders.Areas, "SE"),
            new(CallerHeaders.Credential, "made-up-credential-made-up-credential"),
            new("Dua-Caller-Extra", "x"),
        ]);

        Assert.Equal("0", answer.GrpcStatus);
        var headers = Assert.Single(silo.Headers);
        var passedOn = CallerHeaders.Read(name => headers.GetValueOrDefault(name));
        Assert.NotNull(passedOn);
        Assert.Equal((caller.Subject, caller.Organisation, caller.Role, caller.AreaList),
            (passedOn.Subject, passedOn.Organisation, passedOn.Role, passedOn.AreaList));
        Assert.Equal(Roles.Agency, headers[CallerHeaders.Role]);
        Assert.Equal("21,2184", headers[CallerHeaders.Areas]);
        Assert.Equal(TestTokens.SiloCredential, headers[CallerHeaders.Credential]);
        Assert.False(headers.ContainsKey("authorization"));
        Assert.False(headers.ContainsKey("dua-caller-extra"));
    }

    [Fact]
    public async Task A_token_is_checked_once_and_then_remembered_until_it_expires()
    {
        // The signature check is the costly part of a call (hundreds of µs); nothing may run it again for a token
        // already checked, not even ASP.NET Core's own authentication middleware in front of the gate.
        var checks = 0;
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint]), services: services =>
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt => jwt.Events = new JwtBearerEvents
            {
                OnMessageReceived = _ =>
                {
                    Interlocked.Increment(ref checks);
                    return Task.CompletedTask;
                },
            })).Start();
        using var http = GatewayFactory.CreateH2cClient();
        var token = TestTokens.For(TestTokens.Agency("system-1", "2184"));

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("0", (await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, token, [])).GrpcStatus);
        }

        Assert.Equal(5, silo.Calls.Count);
        Assert.Equal(1, checks);
    }

    [Fact]
    public async Task Health_is_open_and_carries_the_credential_but_no_caller()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint])).Start();
        using var http = GatewayFactory.CreateH2cClient();

        var answer = await RawGrpcCall.SendAsync(http, gateway.Address, "/grpc.health.v1.Health/Check", token: null,
            [new(CallerHeaders.Role, Roles.Operations)]);
        using var healthz = await http.GetAsync(new Uri(gateway.Address, "/healthz"));

        Assert.Equal("0", answer.GrpcStatus);
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        var headers = Assert.Single(silo.Headers);
        Assert.Equal(TestTokens.SiloCredential, headers[CallerHeaders.Credential]);
        Assert.DoesNotContain(headers.Keys, name => name.StartsWith(CallerHeaders.Prefix, StringComparison.Ordinal) && name != CallerHeaders.Credential);
    }

    [Fact]
    public async Task Health_is_open_even_with_a_bad_token()
    {
        await using var silo = await TestBackend.StartAsync("a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint])).Start();
        using var channel = gateway.CreateChannel();

        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(),
            new Metadata { { "authorization", "Bearer not-a-token" } });

        Assert.NotNull(reply);
    }

    [Theory]
    [InlineData("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo")]
    [InlineData("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo")]
    public async Task Reflection_is_open_by_default(string path)
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint])).Start();
        using var http = GatewayFactory.CreateH2cClient();

        var answer = await RawGrpcCall.SendAsync(http, gateway.Address, path, token: null);

        Assert.Equal("0", answer.GrpcStatus);
        Assert.Equal([path], silo.Calls.Select(call => call.Path));
    }

    [Theory]
    [InlineData("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo")]
    [InlineData("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo")]
    public async Task Closed_reflection_needs_a_valid_token(string path)
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint]),
            new Dictionary<string, string> { ["Gateway:Authentication:OpenReflection"] = "false" }).Start();
        using var http = GatewayFactory.CreateH2cClient();

        var anonymous = await RawGrpcCall.SendAsync(http, gateway.Address, path, token: null);
        var authenticated = await RawGrpcCall.SendAsync(http, gateway.Address, path, TestTokens.For(TestTokens.Operations));

        Assert.Equal("16", anonymous.GrpcStatus);
        Assert.Equal("0", authenticated.GrpcStatus);
        Assert.Single(silo.Calls);
    }

    [Fact]
    public async Task A_token_within_the_clock_skew_of_its_expiry_is_still_accepted()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint])).Start();
        using var http = GatewayFactory.CreateH2cClient();
        // Expired 5 s ago; the gateway allows 30 s of clock difference.
        var token = TestTokens.Minter.Mint(TestTokens.Operations, TimeSpan.FromMinutes(1), validFromOffset: TimeSpan.FromSeconds(-65));

        var answer = await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, token);

        Assert.Equal("0", answer.GrpcStatus);
    }

    [Fact]
    public async Task A_token_accepted_once_is_refused_once_it_expires()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        var clock = new FakeTimeProvider();
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint]),
            new Dictionary<string, string> { ["Gateway:Authentication:ClockSkew"] = "00:00:00" },
            services => services.AddKeyedSingleton<TimeProvider>(ValidatedTokenCache.ClockKey, clock)).Start();
        using var http = GatewayFactory.CreateH2cClient();
        var token = new TokenMinter(TokenSigningKeys.FromPem(TestTokens.PrivateKeyPem), TestTokens.Issuer, TestTokens.Audience, clock)
            .Mint(TestTokens.Operations, TimeSpan.FromSeconds(2));

        var fresh = await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, token);
        var again = await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, token);
        // exp has whole seconds: 3 s later the token is past it whatever the rounding.
        clock.Advance(TimeSpan.FromSeconds(3));
        var expired = await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, token);

        Assert.Equal("0", fresh.GrpcStatus);
        Assert.Equal("0", again.GrpcStatus);
        Assert.Equal("16", expired.GrpcStatus);
        Assert.Contains("expired", expired.GrpcMessage, StringComparison.Ordinal);
        Assert.Equal(2, silo.Calls.Count);
    }

    private static string? BadToken(string kind)
    {
        var caller = TestTokens.Agency();
        var key = TokenSigningKeys.FromPem(TestTokens.PrivateKeyPem);
        return kind switch
        {
            "none" => null,
            "expired" => TestTokens.Minter.Mint(caller, TimeSpan.FromMinutes(5), validFromOffset: TimeSpan.FromMinutes(-10)),
            "wrong issuer" => new TokenMinter(key, "someone-else", TestTokens.Audience).Mint(caller, TimeSpan.FromMinutes(5)),
            "wrong audience" => new TokenMinter(key, TestTokens.Issuer, "another-platform").Mint(caller, TimeSpan.FromMinutes(5)),
            "other key" => new TokenMinter(TokenSigningKeys.FromPem(TokenSigningKeys.CreatePrivateKeyPem()), TestTokens.Issuer, TestTokens.Audience)
                .Mint(caller, TimeSpan.FromMinutes(5)),
            "tampered" => Tampered(TestTokens.For(caller)),
            "bad role" => TestTokens.For(caller with { Role = "admin" }),
            "not a JWT" => "not-a-jwt",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    // The payload swapped for one claiming more, the signature kept: the signature no longer matches.
    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"agency\"", "\"operations\"", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}
