using System.Net;

namespace Dua.Web.Hosting;

/// <summary>
/// The one rule for the addresses the web app sends tokens and secrets to: absolute, and https unless the host is
/// loopback (a development machine), so nothing secret crosses a network in clear text.
/// </summary>
public static class SecureAddress
{
    /// <summary>Why the address is not acceptable, naming the setting; null when it is.</summary>
    public static string? Check(string setting, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{setting} is required.";
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return $"{setting} '{value}' is not an absolute http(s) URL.";
        }

        return uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri)
            ? $"{setting} '{value}' uses plain http to another machine: use https (plain http only on loopback)."
            : null;
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
}
