using System.Globalization;
using System.Text.RegularExpressions;

namespace Dua.Domain.JobTracks;

/// <summary>Job track ids: "t" and the track's number within its agreement ("t1", "t2"), never reused.</summary>
public static partial class JobTrackIdFormat
{
    public const string Example = "t1";

    [GeneratedRegex("^t[0-9]{1,6}$")]
    private static partial Regex Pattern();

    public static string Of(int number) => string.Create(CultureInfo.InvariantCulture, $"t{number}");

    public static bool IsWellFormed(string? id) => id is not null && Pattern().IsMatch(id);
}
