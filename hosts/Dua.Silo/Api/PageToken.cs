using System.Buffers.Text;
using System.Text;

namespace Dua.Silo.Api;

/// <summary>
/// An opaque continuation token: the last key returned and the filter it was returned under. A token only
/// continues the listing it came from; one used with another filter, or tampered with, is INVALID_ARGUMENT.
/// </summary>
public sealed record PageToken(string Filter, string AfterKey)
{
    private const string Version = "v1";

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}|{Filter}|{AfterKey}"));

    /// <summary>Returns the token's last key, null for a first page, or records a violation.</summary>
    public static string? Decode(string? token, string filter, Func<string, bool> isValidKey, RequestValidator validator)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            validator.Add("page_token", "is not a token this service issued");
            return null;
        }

        var parts = text.Split('|');
        if (parts.Length != 3 || parts[0] != Version || !isValidKey(parts[2]))
        {
            validator.Add("page_token", "is not a token this service issued");
            return null;
        }

        if (parts[1] != filter)
        {
            validator.Add("page_token", "was issued for a different filter; repeat the request that returned it");
            return null;
        }

        return parts[2];
    }
}
