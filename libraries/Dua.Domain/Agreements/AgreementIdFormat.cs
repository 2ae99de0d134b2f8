using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Dua.Domain.Agreements;

/// <summary>
/// Agreement ids: the county's code and 16 hex digits ("21-5f3c9a1e2b7d4c08"), derived from the creating request's
/// id, so a retried create names the same agreement, and ordered by county.
/// </summary>
public static partial class AgreementIdFormat
{
    public const string Example = "21-5f3c9a1e2b7d4c08";

    [GeneratedRegex("^[0-9]{2}-[0-9a-f]{16}$")]
    private static partial Regex Pattern();

    /// <summary>The id of the agreement a create request makes in the county.</summary>
    public static string New(string regionCode, string requestId) =>
        $"{regionCode}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"agreement|{requestId}")))[..16]}";

    public static bool IsWellFormed(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>The code of the county the agreement belongs to.</summary>
    public static string CountyOf(string agreementId)
    {
        ArgumentNullException.ThrowIfNull(agreementId);
        return agreementId[..2];
    }
}
