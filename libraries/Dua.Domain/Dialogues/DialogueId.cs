using System.Globalization;
using System.Text.RegularExpressions;

namespace Dua.Domain.Dialogues;

/// <summary>
/// Dialogue ids: the county's code and the dialogue's number in that county, "21-d1", "21-d2", ... The county
/// prefix routes a call to the county's grain; the number orders the county's dialogues.
/// </summary>
public static partial class DialogueId
{
    public const int MaxNumber = 999_999;

    [GeneratedRegex("^(?<county>[0-9]{2})-d(?<number>[1-9][0-9]{0,5})$")]
    private static partial Regex Pattern();

    public static string Format(string countyCode, int number) => $"{countyCode}-d{number.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? id, out string countyCode, out int number)
    {
        countyCode = "";
        number = 0;
        if (id is null || Pattern().Match(id) is not { Success: true } match)
        {
            return false;
        }

        countyCode = match.Groups["county"].Value;
        number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        return true;
    }
}
