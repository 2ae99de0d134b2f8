using Dua.Testing;

namespace Dua.DevIdentity.Tests;

/// <summary>Settings that would make the provider unsafe or useless stop it at start, naming the setting.</summary>
public sealed class ConfigurationTests
{
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(60);

    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "DevIdentity__Url", "http://192.0.2.10:5400", "DevIdentity:Url" },
        { "DevIdentity__WebAppUrl", "http://web.example.se", "DevIdentity:WebAppUrl" },
        { "DevIdentity__WebClientSecret", "short", "DevIdentity:WebClientSecret" },
        { "DevIdentity__Users__0__Role", "chef", "DevIdentity:Users:0" },
        { "DevIdentity__Users__1__Areas__0", "99", "DevIdentity:Users:1" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_stops_the_start_with_exit_code_2_naming_it(string variable, string value, string named)
    {
        var environment = new Dictionary<string, string>
        {
            ["DevIdentity__Url"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["DevIdentity__WebClientSecret"] = "web-client-secret-0123456789",
            ["DevIdentity__DevTokensClientSecret"] = "dev-tokens-secret-0123456789",
            [variable] = value,
        };
        using var provider = ChildProcess.StartDotnet("identity provider", DevIdentityServer.Assembly, environment);

        var exitCode = await provider.WaitForExitAsync(ExitDeadline);

        Assert.True(exitCode == 2, provider.Tail());
        Assert.Contains(named, provider.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789", provider.Output, StringComparison.Ordinal);
    }
}
