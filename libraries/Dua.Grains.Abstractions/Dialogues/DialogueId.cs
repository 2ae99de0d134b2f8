using System.Globalization;
using System.Text.RegularExpressions;

namespace Dua.Grains.Dialogues;

/// <summary>
/// Dialogue ids: the county's code and the dialogue's number in that county, "21-d1", "21-d2", ... The county
/// prefix routes a call to the county's grain; the number orders the county's dialogues.
/// </summary>
public static partial class DialogueId
{
    public const int MaxNumber = 999_999;

    [GeneratedRegex("^(?<region>[0-9]{2})-d(?<number>[1-9][0-9]{0,5})$")]
    private static partial Regex Pattern();

    public static string Format(string regionCode, int number) => $"{regionCode}-d{number.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? id, out string regionCode, out int number)
    {
        regionCode = "";
        number = 0;
        if (id is null || Pattern().Match(id) is not { Success: true } match)
        {
            return false;
        }

        regionCode = match.Groups["region"].Value;
        number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        return true;
    }
}
