using Dua.Security;

namespace Dua.Gateway.Tests;

/// <summary>
/// One signing key for the test run, the gateway configured with its public half, and tokens minted with it for the
/// three kinds of callers. Also the internal credential the gateway is given for the silos.
/// </summary>
internal static class TestTokens
{
    public const string Issuer = "dua-development";
    public const string Audience = "dua-platform";
    public const string SiloCredential = "gateway-tests-silo-credential-0123456789";

    public static string PrivateKeyPem { get; } = TokenSigningKeys.CreatePrivateKeyPem();

    public static string PublicKeyPem { get; } = TokenSigningKeys.PublicKeyPemOf(PrivateKeyPem);

    public static TokenMinter Minter { get; } = new(TokenSigningKeys.FromPem(PrivateKeyPem), Issuer, Audience);

    public static Caller Operations { get; } = new("ops-1", "Dua Operations", Roles.Operations, [CallerArea.Country]);

    public static Caller Agency(string subject = "agency-1", params string[] areas) =>
        new(subject, "Agency Ö", Roles.Agency, [.. (areas.Length == 0 ? ["SE"] : areas).Select(CallerArea.Parse)]);

    public static Caller RegionalOffice(string subject, params string[] areas) =>
        new(subject, "Regional office", Roles.RegionalOffice, [.. areas.Select(CallerArea.Parse)]);

    /// <summary>A valid token for the caller, good for 10 minutes.</summary>
    public static string For(Caller caller) => Minter.Mint(caller, TimeSpan.FromMinutes(10));

    /// <summary>The settings that let the gateway start: its trusted key and the silos' credential.</summary>
    public static IReadOnlyDictionary<string, string> GatewaySettings { get; } = new Dictionary<string, string>
    {
        ["Gateway:Authentication:SigningKeys:0"] = PublicKeyPem,
        ["Gateway:SiloCredential"] = SiloCredential,
    };
}
