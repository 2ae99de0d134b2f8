using System.Collections.Concurrent;
using System.Security.Cryptography;
using Dua.Security;
using Dua.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dua.EndToEnd.Tests;

/// <summary>
/// What a test platform needs to let callers in: where tokens come from (a signing key of the test, whose public key
/// the gateway gets as a file; or, for a platform deploy/run.sh started, its identity provider), the internal
/// credential the gateway presents to the silos, and channels whose calls carry a caller's token.
/// </summary>
public sealed class PlatformSecurity : IDisposable
{
    /// <summary>The development issuer and audience, as deploy/run.sh configures the gateway and deploy/token.sh mints.</summary>
    public const string Issuer = "dua-development";

    public const string Audience = "dua-platform";

    /// <summary>
    /// A per-caller rate limit no test reaches: the end-to-end tests load the platform as one caller, and the limit
    /// itself is tested in Dua.Gateway.Tests.
    /// </summary>
    public const string UnlimitedRate = "1000000";

    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(2);

    private readonly TokenMinter? _minter;
    private readonly Microsoft.IdentityModel.Tokens.SecurityKey? _signingKey;
    private readonly DevTokensClient? _provider;
    private readonly string? _ownedFolder;
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new(StringComparer.Ordinal);

    private PlatformSecurity(string privateKeyPem, string publicKeyFile, string siloCredential, string? ownedFolder)
    {
        _signingKey = TokenSigningKeys.FromPem(privateKeyPem);
        _minter = new TokenMinter(_signingKey, Issuer, Audience);
        PublicKeyFile = publicKeyFile;
        SiloCredential = siloCredential;
        _ownedFolder = ownedFolder;
    }

    private PlatformSecurity(DevTokensClient provider, string siloCredential)
    {
        _provider = provider;
        PublicKeyFile = "";
        SiloCredential = siloCredential;
    }

    /// <summary>The PEM file the gateway validates tokens with (Gateway:Authentication:SigningKeyFiles:0); empty for a run.sh platform.</summary>
    public string PublicKeyFile { get; }

    /// <summary>The internal credential: Gateway:SiloCredential and Silo:GatewayCredential.</summary>
    public string SiloCredential { get; }

    /// <summary>A new key pair and credential of this test, in a temporary folder removed on disposal.</summary>
    public static PlatformSecurity Generate()
    {
        var folder = Directory.CreateTempSubdirectory("dua-keys-").FullName;
        var privateKey = TokenSigningKeys.CreatePrivateKeyPem();
        var publicKeyFile = Path.Combine(folder, "signing.pub.pem");
        File.WriteAllText(publicKeyFile, TokenSigningKeys.PublicKeyPemOf(privateKey));
        return new PlatformSecurity(privateKey, publicKeyFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), folder);
    }

    /// <summary>
    /// The platform deploy/run.sh runs from this state folder: tokens from its identity provider (the development
    /// client's secret is in keys/, the provider's address in identity.env), and the credential in keys/.
    /// </summary>
    public static PlatformSecurity FromRunDirectory(string runDirectory)
    {
        var keys = Path.Combine(runDirectory, "keys");
        var url = File.ReadAllLines(Path.Combine(runDirectory, "identity.env")).Single(line => line.StartsWith("url=", StringComparison.Ordinal))[4..];
        return new PlatformSecurity(
            new DevTokensClient(new Uri(url.TrimEnd('/') + "/"), File.ReadAllText(Path.Combine(keys, "dev-tokens-client-secret")).Trim()),
            File.ReadAllText(Path.Combine(keys, "silo-credential")).Trim());
    }

    /// <summary>The environment a gateway process needs for tokens and for reaching the silos.</summary>
    public IReadOnlyDictionary<string, string> GatewayEnvironment => new Dictionary<string, string>
    {
        ["Gateway__Authentication__Issuer"] = Issuer,
        ["Gateway__Authentication__Audience"] = Audience,
        ["Gateway__Authentication__SigningKeyFiles__0"] = PublicKeyFile,
        ["Gateway__SiloCredential"] = SiloCredential,
        ["Gateway__RateLimit__PermitsPerSecond"] = UnlimitedRate,
        ["Gateway__RateLimit__Burst"] = UnlimitedRate,
    };

    /// <summary>The environment a silo process needs to accept the gateway's calls.</summary>
    public IReadOnlyDictionary<string, string> SiloEnvironment => new Dictionary<string, string>
    {
        ["Silo__GatewayCredential"] = SiloCredential,
    };

    public string TokenFor(Caller caller, TimeSpan? lifetime = null) =>
        _provider is not null
            ? _provider.TokenFor(caller.Role, caller.Areas.Select(a => a.Code), caller.Subject, caller.Organisation)
            : _minter!.Mint(caller, lifetime ?? TokenLifetime);

    /// <summary>A token signed with this platform's key but otherwise as given: from another issuer, or out of date.</summary>
    public string TokenFor(Caller caller, TimeSpan lifetime, TimeSpan validFromOffset, string issuer = Issuer) =>
        new TokenMinter(_signingKey ?? throw new InvalidOperationException("Tokens of a run.sh platform come from its identity provider."), issuer, Audience)
            .Mint(caller, lifetime, validFromOffset);

    /// <summary>A channel (one per caller and address, reused) whose every call carries the caller's token.</summary>
    public GrpcChannel ChannelFor(string address, Caller caller) =>
        _channels.GetOrAdd($"{address}|{caller.Role}|{caller.Subject}|{caller.AreaList}", _ => WithHeaders(address, [new("authorization", $"Bearer {TokenFor(caller)}")]));

    /// <summary>
    /// A channel straight to a silo that sends what the gateway would: the caller's headers and, unless left out,
    /// the internal credential. Not cached; the caller disposes it.
    /// </summary>
    public GrpcChannel SiloChannelFor(string address, Caller caller, bool withCredential = true) =>
        WithHeaders(address, [.. CallerHeaders.Of(caller), .. withCredential ? [new(CallerHeaders.Credential, SiloCredential)] : Array.Empty<KeyValuePair<string, string>>()]);

    /// <summary>Closes the channels handed out so far (e.g. before the platform restarts); later calls open new ones.</summary>
    public void CloseChannels()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        _channels.Clear();
    }

    public void Dispose()
    {
        CloseChannels();
        _provider?.Dispose();
        if (_ownedFolder is not null)
        {
            Directory.Delete(_ownedFolder, recursive: true);
        }
    }

    private static GrpcChannel WithHeaders(string address, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            foreach (var (name, value) in headers)
            {
                metadata.Add(name, value);
            }

            return Task.CompletedTask;
        });
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            // Loopback h2c, as the platform serves it; the headers still travel with each call.
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }
}
