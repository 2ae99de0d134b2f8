using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Dua.Web.SignIn;

/// <summary>
/// Every signed-in person's tokens, by session id, in this process's memory, so no token ever reaches the browser.
/// Hands out a valid access token, refreshing it with the refresh token shortly before it expires. A restart forgets
/// every session: people then sign in again, and come back to the page they were on.
/// </summary>
public sealed class TokenSessions(
    IOptionsMonitor<OpenIdConnectOptions> oidc,
    IOptions<SignInOptions> options,
    TimeProvider time,
    ILogger<TokenSessions> logger)
{
    private readonly ConcurrentDictionary<string, SessionTokens> _sessions = new(StringComparer.Ordinal);

    public int Count => _sessions.Count;

    public string Add(SessionTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        RemoveIdle();
        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        tokens.LastUsed = time.GetUtcNow();
        _sessions[id] = tokens;
        return id;
    }

    public bool Contains(string? sessionId) => sessionId is not null && _sessions.ContainsKey(sessionId);

    public SessionTokens? Find(string? sessionId) =>
        sessionId is not null && _sessions.TryGetValue(sessionId, out var tokens) ? tokens : null;

    public void Remove(string? sessionId)
    {
        if (sessionId is not null)
        {
            _sessions.TryRemove(sessionId, out _);
        }
    }

    /// <summary>A valid access token for the session; refreshed first when it is about to expire.</summary>
    public async Task<string> GetAccessTokenAsync(string? sessionId, CancellationToken cancellation)
    {
        var tokens = Find(sessionId) ?? throw new SessionExpiredException("no session on this server");
        var now = time.GetUtcNow();
        tokens.LastUsed = now;
        if (tokens.ExpiresAt - options.Value.RefreshBeforeExpiry > now)
        {
            return tokens.AccessToken;
        }

        await tokens.RefreshLock.WaitAsync(cancellation);
        try
        {
            if (tokens.ExpiresAt - options.Value.RefreshBeforeExpiry > time.GetUtcNow())
            {
                return tokens.AccessToken; // another call refreshed it while this one waited
            }

            await RefreshAsync(sessionId!, tokens, cancellation);
            return tokens.AccessToken;
        }
        finally
        {
            tokens.RefreshLock.Release();
        }
    }

    private async Task RefreshAsync(string sessionId, SessionTokens tokens, CancellationToken cancellation)
    {
        if (tokens.RefreshToken is null)
        {
            Remove(sessionId);
            throw new SessionExpiredException("the access token expired and there is no refresh token");
        }

        var settings = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await settings.ConfigurationManager!.GetConfigurationAsync(cancellation);
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = tokens.RefreshToken,
                ["client_id"] = settings.ClientId!,
                ["client_secret"] = settings.ClientSecret!,
            }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await settings.Backchannel.SendAsync(request, cancellation);
        if (!response.IsSuccessStatusCode)
        {
            // The provider said no (revoked, expired, unknown): the person signs in again. Its answer may quote the
            // token, so only the status is logged.
            logger.LogInformation("Refreshing a session's access token was refused with HTTP {Status}; the person signs in again", (int)response.StatusCode);
            Remove(sessionId);
            throw new SessionExpiredException($"the provider refused the refresh ({(int)response.StatusCode})");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellation));
        var root = body.RootElement;
        var accessToken = root.GetProperty("access_token").GetString()!;
        var refreshToken = root.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null;
        var lifetime = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) ? seconds : 300;
        tokens.Replace(accessToken, refreshToken, time.GetUtcNow().AddSeconds(lifetime));
    }

    private void RemoveIdle()
    {
        var cutoff = time.GetUtcNow() - options.Value.SessionIdleTimeout;
        foreach (var (id, tokens) in _sessions)
        {
            if (tokens.LastUsed < cutoff)
            {
                _sessions.TryRemove(id, out _);
            }
        }
    }
}
