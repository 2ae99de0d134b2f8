namespace Dua.DevIdentity.Clients;

/// <summary>The clients the provider registers at start.</summary>
public static class DevIdentityClients
{
    /// <summary>The web app (confidential, authorization code with PKCE, refresh tokens).</summary>
    public const string Web = "dua-web";

    /// <summary>
    /// The development client deploy/token.sh uses: client credentials, and the only client that may ask for a role
    /// and areas in the token request (parameters <see cref="RoleParameter"/> and <see cref="AreaParameter"/>).
    /// </summary>
    public const string DevTokens = "dua-dev-tokens";

    public const string RoleParameter = "role";
    public const string AreaParameter = "area";
    public const string SubjectParameter = "subject";
    public const string OrganisationParameter = "organisation";
}
