using System.Globalization;
using System.Text.RegularExpressions;

namespace Dua.Silo.Api;

/// <summary>Shape checks shared by every request: ids, texts, dates, numbers and enums.</summary>
public static partial class FieldChecks
{
    public const int MaxName = 200;
    public const int MaxText = 2000;
    public const int MaxItems = 50;

    /// <summary>The first and last dates the platform accepts: anything else is a typo, not a plan.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex RequestIdPattern();

    public static RequestValidator RequireRequestId(this RequestValidator validator, string? requestId) =>
        requestId is not null && RequestIdPattern().IsMatch(requestId)
            ? validator
            : validator.Add("request_id", "is required: 1-100 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-' (a UUID is best)");

    /// <summary>Required text without control characters, at most <paramref name="max"/> characters.</summary>
    public static RequestValidator RequireText(this RequestValidator validator, string field, string? value, int max = MaxName) =>
        string.IsNullOrWhiteSpace(value) ? validator.Add(field, "is required")
        : validator.OptionalText(field, value, max);

    public static RequestValidator OptionalText(this RequestValidator validator, string field, string? value, int max = MaxName)
    {
        if (value is null)
        {
            return validator;
        }

        if (value.Length > max)
        {
            return validator.Add(field, $"must be at most {max} characters");
        }

        // Longer texts may hold line breaks and tabs; names hold no control characters at all.
        var allowsLines = max > MaxName;
        return value.Any(c => char.IsControl(c) && !(allowsLines && c is '\n' or '\r' or '\t'))
            ? validator.Add(field, "must not contain control characters")
            : validator;
    }

    public static RequestValidator RequireCount(this RequestValidator validator, string field, int count, int min, int max = MaxItems) =>
        count < min ? validator.Add(field, min == 1 ? "needs at least one entry" : $"needs at least {min} entries")
        : count > max ? validator.Add(field, $"must have at most {max} entries")
        : validator;

    /// <summary>An ISO date (YYYY-MM-DD) between 2000 and 2100; null when missing or bad (and recorded).</summary>
    public static DateOnly? RequireDate(this RequestValidator validator, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            validator.Add(field, "is required: an ISO date, YYYY-MM-DD");
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            validator.Add(field, "must be an ISO date, YYYY-MM-DD");
            return null;
        }

        if (date < EarliestDate || date > LatestDate)
        {
            validator.Add(field, $"must lie between {EarliestDate:yyyy-MM-dd} and {LatestDate:yyyy-MM-dd}");
            return null;
        }

        return date;
    }

    public static RequestValidator RequireRange(this RequestValidator validator, string field, int value, int min, int max) =>
        value < min || value > max ? validator.Add(field, $"must be between {min} and {max}") : validator;

    public static RequestValidator RequireFinite(this RequestValidator validator, string field, double value, double limit = 1e9) =>
        double.IsFinite(value) && Math.Abs(value) <= limit ? validator : validator.Add(field, $"must be a finite number within ±{limit:G}");

    /// <summary>A known, specified enum value; proto3 delivers unknown numbers as undefined values.</summary>
    public static RequestValidator RequireEnum<T>(this RequestValidator validator, string field, T value)
        where T : struct, Enum =>
        Enum.IsDefined(value) && Convert.ToInt32(value, CultureInfo.InvariantCulture) != 0
            ? validator
            : validator.Add(field, $"must be one of {string.Join(", ", ProtoNames<T>().Skip(1))}");

    // The names clients write (JOB_TRACK_COMPONENT_KIND_SFI), not the C# ones (Sfi).
    private static IEnumerable<string> ProtoNames<T>()
        where T : struct, Enum =>
        typeof(T).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => f.GetCustomAttributes(typeof(Google.Protobuf.Reflection.OriginalNameAttribute), false)
                .OfType<Google.Protobuf.Reflection.OriginalNameAttribute>().FirstOrDefault()?.Name ?? f.Name);
}
