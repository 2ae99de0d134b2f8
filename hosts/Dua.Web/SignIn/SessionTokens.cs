namespace Dua.Web.SignIn;

/// <summary>
/// The tokens of one signed-in person, held on the server only: the browser's cookie carries just the session's id.
/// </summary>
public sealed class SessionTokens(string accessToken, string? refreshToken, string? idToken, DateTimeOffset expiresAt)
{
    /// <summary>One refresh at a time per session: concurrent calls wait for it and use its token.</summary>
    public SemaphoreSlim RefreshLock { get; } = new(1, 1);

    public string AccessToken { get; private set; } = accessToken;

    public string? RefreshToken { get; private set; } = refreshToken;

    public string? IdToken { get; } = idToken;

    public DateTimeOffset ExpiresAt { get; private set; } = expiresAt;

    public DateTimeOffset LastUsed { get; set; }

    public void Replace(string accessToken, string? refreshToken, DateTimeOffset expiresAt)
    {
        AccessToken = accessToken;
        // A provider that does not rotate refresh tokens sends none back: keep the one we have.
        RefreshToken = refreshToken ?? RefreshToken;
        ExpiresAt = expiresAt;
    }
}
