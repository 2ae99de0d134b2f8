using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Dua.Gateway.Authentication;

/// <summary>
/// Whether the identity provider's metadata can be read. A token refused while it cannot was not judged at all (there
/// were no keys to judge it by): the caller is told to retry rather than that its token is bad.
/// </summary>
public sealed class IdentityProviderMetadata(IOptionsMonitor<JwtBearerOptions> jwt, IOptions<GatewayAuthenticationOptions> authentication)
{
    public const string Unavailable = "the token cannot be checked now: the identity provider's metadata cannot be read; retry later";

    public async Task<bool> IsUnavailableAsync(CancellationToken cancellation)
    {
        if (!authentication.Value.UsesDiscovery || jwt.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager is not { } manager)
        {
            return false;
        }

        try
        {
            // The metadata last read is kept: this only calls the provider when none was ever read.
            await manager.GetConfigurationAsync(cancellation);
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
