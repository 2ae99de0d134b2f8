namespace Dua.Security;

/// <summary>
/// How the gateway passes an authenticated caller on to a silo: request headers the gateway always sets itself
/// (removing any a client sent), next to the internal credential that proves the call came through the gateway.
/// Values are percent-encoded, since subjects and organisation names may hold characters outside ASCII.
/// </summary>
public static class CallerHeaders
{
    /// <summary>Every header of the gateway-to-silo hop starts with this; the gateway strips such headers from clients.</summary>
    public const string Prefix = "dua-caller-";

    public const string Subject = Prefix + "subject";
    public const string Organisation = Prefix + "organisation";
    public const string Role = Prefix + "role";
    public const string Areas = Prefix + "areas";

    /// <summary>The shared internal credential only the gateway holds; silos refuse gRPC calls without it.</summary>
    public const string Credential = Prefix + "credential";

    public static IEnumerable<KeyValuePair<string, string>> Of(Caller caller) =>
    [
        new(Subject, Uri.EscapeDataString(caller.Subject)),
        new(Organisation, Uri.EscapeDataString(caller.Organisation)),
        new(Role, caller.Role),
        new(Areas, caller.AreaList),
    ];

    /// <summary>
    /// Everything the gateway sends a silo with a call: the credential and the caller. For tools and benchmarks that
    /// stand in for the gateway and call a silo straight.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> ForSilo(Caller caller, string credential) =>
        [new(Credential, credential), .. Of(caller)];

    /// <summary>Reads a caller back from the headers; <c>null</c> when they are absent or malformed.</summary>
    public static Caller? Read(Func<string, string?> header)
    {
        var subject = header(Subject);
        var organisation = header(Organisation);
        var role = header(Role);
        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(organisation) || !Roles.IsKnown(role)
            || !CallerArea.TryParseList(header(Areas), out var areas))
        {
            return null;
        }

        return new Caller(Uri.UnescapeDataString(subject), Uri.UnescapeDataString(organisation), role!, areas);
    }
}
