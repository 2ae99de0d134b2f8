using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Server;

namespace Dua.DevIdentity.Keys;

/// <summary>
/// Gives OpenIddict the key ring's keys, and makes it build its options again after a rotation: OpenIddict reads its
/// options through <see cref="IOptionsMonitor{TOptions}"/> on every request, so the new key signs and is published at
/// once, without a restart.
/// </summary>
public sealed class SigningKeyConfiguration(SigningKeyRing ring) :
    IConfigureOptions<OpenIddictServerOptions>, IOptionsChangeTokenSource<OpenIddictServerOptions>
{
    public string Name => Options.DefaultName;

    // OpenIddict sorts its credentials after this, but keys of one kind compare equal and a short list sorts stably, so
    // the ring's order (newest first, the one that signs) holds.
    public void Configure(OpenIddictServerOptions options)
    {
        foreach (var key in ring.Keys)
        {
            options.SigningCredentials.Add(new Microsoft.IdentityModel.Tokens.SigningCredentials(key, Dua.Security.TokenSigningKeys.Algorithm));
        }
    }

    public IChangeToken GetChangeToken() => ring.GetChangeToken();
}
