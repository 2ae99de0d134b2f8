using Dua.Web.SignIn;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dua.Web.Platform;

/// <summary>
/// The signed-in person's access token, in a request as in an interactive circuit (where there is no HttpContext):
/// the person comes from the authentication state, the token from <see cref="TokenSessions"/>.
/// </summary>
public sealed class AccessTokenSource(AuthenticationStateProvider authentication, TokenSessions sessions)
{
    public async Task<string> GetAsync(CancellationToken cancellation)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await sessions.GetAccessTokenAsync(state.User.SessionId(), cancellation);
    }
}
