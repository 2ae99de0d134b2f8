using System.Security.Cryptography;
using System.Text.Json;
using Xunit;

namespace Dua.Testing;

/// <summary>
/// The development identity provider (tools/Dua.DevIdentity) as its own process on a free loopback port, as
/// deploy/run.sh starts it: real HTTP, its real key ring and client registrations. The test project must build it
/// (a ProjectReference with <c>ReferenceOutputAssembly="false"</c>). Disposing stops it and removes its key folder.
/// </summary>
public sealed class DevIdentityServer : IDisposable
{
    public const string Audience = "dua-platform";
    public const string WebClientId = "dua-web";
    public const string DevTokensClientId = DevTokensClient.ClientId;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly ChildProcess _process;
    private readonly HttpClient _http;
    private readonly DevTokensClient _devTokens;

    private DevIdentityServer(ChildProcess process, int port, string keyDirectory, string webAppUrl, string webClientSecret, string devTokensClientSecret)
    {
        _process = process;
        Port = port;
        KeyDirectory = keyDirectory;
        WebAppUrl = webAppUrl;
        WebClientSecret = webClientSecret;
        DevTokensClientSecret = devTokensClientSecret;
        _http = new HttpClient { BaseAddress = BaseAddress };
        _devTokens = new DevTokensClient(BaseAddress, devTokensClientSecret);
    }

    public int Port { get; }

    /// <summary>The provider's address and issuer (with a trailing slash).</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string Issuer => BaseAddress.ToString();

    /// <summary>Where it keeps its signing keys (PEM files, newest file name last); a test may put a key there before the start.</summary>
    public string KeyDirectory { get; }

    public string WebAppUrl { get; }

    public string WebClientSecret { get; }

    public string DevTokensClientSecret { get; }

    public ChildProcess Process => _process;

    /// <summary>The built provider: tools/Dua.DevIdentity/bin/{configuration}/{framework}/, beside the calling test's build.</summary>
    public static string Assembly
    {
        get
        {
            // A test assembly runs from tests/<project>/bin/<Configuration>/<framework>/.
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
            var path = System.IO.Path.Combine(RepositoryRoot.Path, "tools", "Dua.DevIdentity", "bin", here.Parent!.Name, here.Name, "Dua.DevIdentity.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build tools/Dua.DevIdentity first.", path);
        }
    }

    /// <summary>
    /// Starts the provider and waits until it serves its discovery document. <paramref name="keyDirectory"/> is created
    /// when missing (a new temporary folder when null); <paramref name="settings"/> are more environment variables
    /// (<c>DevIdentity__…</c>).
    /// </summary>
    public static async Task<DevIdentityServer> StartAsync(
        string? keyDirectory = null, string? webAppUrl = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort.Next();
        keyDirectory ??= Directory.CreateTempSubdirectory("dua-idp-keys-").FullName;
        webAppUrl ??= "http://127.0.0.1:5080";
        var webSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var devSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var environment = new Dictionary<string, string>
        {
            ["DevIdentity__Url"] = $"http://127.0.0.1:{port}",
            ["DevIdentity__WebAppUrl"] = webAppUrl,
            ["DevIdentity__KeyDirectory"] = keyDirectory,
            ["DevIdentity__WebClientSecret"] = webSecret,
            ["DevIdentity__DevTokensClientSecret"] = devSecret,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var process = ChildProcess.StartDotnet("identity provider", Assembly, environment);
        var server = new DevIdentityServer(process, port, keyDirectory, webAppUrl, webSecret, devSecret);
        try
        {
            await Eventually.SucceedsWithinAsync(StartTimeout, "the identity provider serving its discovery document", async () =>
            {
                Assert.False(process.HasExited, $"the identity provider exited with code {(process.HasExited ? process.ExitCode : 0)}\n{process.Tail()}");
                using var response = await server._http.GetAsync(".well-known/openid-configuration");
                response.EnsureSuccessStatusCode();
            });
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    /// <summary>A client-credentials token of the development client for the role and areas (as deploy/token.sh asks).</summary>
    public Task<string> TokenForAsync(string role, IEnumerable<string> areas, string? subject = null, string? organisation = null) =>
        _devTokens.TokenForAsync(role, areas, subject, organisation);

    /// <summary>The raw client-credentials request, for tests of what the provider refuses.</summary>
    public Task<HttpResponseMessage> RequestTokenAsync(
        string role, IEnumerable<string> areas, string? subject = null, string? organisation = null, string clientId = DevTokensClientId, string? secret = null) =>
        _devTokens.RequestTokenAsync(role, areas, subject, organisation, clientId, secret);

    /// <summary>Asks the provider for a new signing key; returns its key id.</summary>
    public async Task<string> RotateSigningKeyAsync()
    {
        using var response = await _http.PostAsync("development/signing-keys/rotate", content: null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"rotation refused: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("kid").GetString()!;
    }

    public void Dispose()
    {
        _http.Dispose();
        _devTokens.Dispose();
        _process.Dispose();
        try
        {
            Directory.Delete(KeyDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
