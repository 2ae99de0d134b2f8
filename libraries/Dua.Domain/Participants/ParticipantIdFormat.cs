using System.Globalization;
using System.Text.RegularExpressions;

namespace Dua.Domain.Participants;

/// <summary>
/// Participant ids: the agreement's id, "-p" and the participant's number in it, at least six digits
/// ("21-5f3c9a1e2b7d4c08-p000001"), so they sort by agreement and then by admission.
/// </summary>
public static partial class ParticipantIdFormat
{
    public const string Example = "21-5f3c9a1e2b7d4c08-p000001";

    private const string Separator = "-p";

    [GeneratedRegex("^[0-9]{2}-[0-9a-f]{16}-p[0-9]{6,9}$")]
    private static partial Regex Pattern();

    public static string Of(string agreementId, int number) => string.Create(CultureInfo.InvariantCulture, $"{agreementId}{Separator}{number:D6}");

    public static bool IsWellFormed(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>The id of the participant's agreement (its id up to the number).</summary>
    public static string AgreementOf(string participantId)
    {
        ArgumentNullException.ThrowIfNull(participantId);
        return participantId[..participantId.LastIndexOf(Separator, StringComparison.Ordinal)];
    }

    /// <summary>The participant's number within its agreement (1 for the first admitted).</summary>
    public static int NumberOf(string participantId)
    {
        ArgumentNullException.ThrowIfNull(participantId);
        return int.Parse(participantId[(participantId.LastIndexOf(Separator, StringComparison.Ordinal) + Separator.Length)..], CultureInfo.InvariantCulture);
    }
}
