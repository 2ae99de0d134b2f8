using System.Net;
using Dua.Security;
using Dua.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Dua.DevIdentity.Tests;

/// <summary>The key ring: rotation on request, the previous key kept published, keys kept on disk across restarts.</summary>
public sealed class KeyRotationTests
{
    [Fact]
    public async Task A_rotation_signs_with_a_new_key_and_keeps_the_previous_one_published_until_the_next()
    {
        using var provider = await DevIdentityServer.StartAsync();
        var first = await provider.TokenForAsync(Roles.Agency, ["SE"]);

        var second = await provider.RotateSigningKeyAsync();
        var afterFirstRotation = (await IssuedTokens.KeySetAsync(provider)).Keys.Select(k => k.Kid).ToList();
        var signedAfter = await provider.TokenForAsync(Roles.Agency, ["SE"]);
        var third = await provider.RotateSigningKeyAsync();
        var afterSecondRotation = (await IssuedTokens.KeySetAsync(provider)).Keys.Select(k => k.Kid).ToList();

        var firstKey = new JsonWebToken(first).Kid;
        Assert.Equal([second, firstKey], afterFirstRotation);
        Assert.Equal(second, new JsonWebToken(signedAfter).Kid);
        Assert.Equal([third, second], afterSecondRotation);
        // Tokens signed with a key still published stay valid; the withdrawn key's do not.
        await IssuedTokens.ValidateAsync(provider, signedAfter);
        Assert.Equal(2, Directory.GetFiles(provider.KeyDirectory, "signing-*.pem").Length);
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in Directory.GetFiles(provider.KeyDirectory))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }

    [Fact]
    public async Task A_restart_with_the_same_key_folder_keeps_the_signing_key()
    {
        var keys = Directory.CreateTempSubdirectory("dua-idp-keys-").FullName;
        string before;
        using (var provider = await DevIdentityServer.StartAsync(keyDirectory: keys))
        {
            before = new JsonWebToken(await provider.TokenForAsync(Roles.Operations, ["SE"])).Kid;
            // Disposing would remove the folder: copy it aside first.
            CopyFolder(keys, keys + "-kept");
        }

        using var restarted = await DevIdentityServer.StartAsync(keyDirectory: keys + "-kept");
        Assert.Equal(before, new JsonWebToken(await restarted.TokenForAsync(Roles.Operations, ["SE"])).Kid);
    }

    [Fact]
    public async Task Rotation_is_answered_only_on_the_providers_own_machine_by_POST()
    {
        using var provider = await DevIdentityServer.StartAsync();
        using var http = new HttpClient { BaseAddress = provider.BaseAddress };

        using var get = await http.GetAsync("development/signing-keys/rotate");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
