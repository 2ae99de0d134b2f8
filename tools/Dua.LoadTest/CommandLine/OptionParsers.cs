using System.Globalization;
using Dua.LoadTest.Measurement;
using Dua.ReferenceData;

namespace Dua.LoadTest.CommandLine;

/// <summary>Parses the command line's values; each returns null and says why when a value is not valid.</summary>
public static class OptionParsers
{
    /// <summary>"20s", "2m", "1h", "500ms" or a plain number of seconds.</summary>
    public static TimeSpan? Duration(string text, out string? error)
    {
        error = null;
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : text.EndsWith('h') ? (text[..^1], 3600.0)
            : (text, 1.0);
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value))
        {
            return TimeSpan.FromSeconds(value * unit);
        }

        error = $"'{text}' is not a duration such as 20s, 2m or 500ms";
        return null;
    }

    /// <summary>A comma-separated list of phases, e.g. "seed,progress,read".</summary>
    public static Phase[]? Phases(string text, out string? error)
    {
        error = null;
        var phases = new List<Phase>();
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<Phase>(name, ignoreCase: true, out var phase) || !Enum.IsDefined(phase))
            {
                error = $"'{name}' is not a phase: use seed, progress and read, comma-separated";
                return null;
            }

            phases.Add(phase);
        }

        if (phases.Count == 0)
        {
            error = "name at least one phase: seed, progress or read";
            return null;
        }

        return [.. phases];
    }

    public static DateOnly? Date(string text, out string? error)
    {
        error = null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        error = $"'{text}' is not a date YYYY-MM-DD";
        return null;
    }

    public static Uri? Target(string text, out string? error)
    {
        error = null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        error = $"'{text}' is not an http(s) address such as http://127.0.0.1:5000";
        return null;
    }

    public static string? RegionCode(string text, out string? error)
    {
        error = Geography.Sweden.FindCounty(text) is null ? $"'{text}' is not an SCB county code (two digits, e.g. 21)" : null;
        return error is null ? text : null;
    }

    public static ReadMethod? ReadMethodOf(string text, out string? error)
    {
        error = null;
        switch (text)
        {
            case "region-summary":
                return ReadMethod.RegionSummary;
            case "health":
                return ReadMethod.Health;
            case "region-trend":
                return ReadMethod.RegionTrend;
            case "agreement":
                return ReadMethod.Agreement;
            case "participant":
                return ReadMethod.Participant;
            default:
                error = $"'{text}' is not a read method: use region-summary, region-trend, health, agreement or participant";
                return null;
        }
    }

    /// <summary>A process to watch, as NAME=PID: its CPU time per call is reported for each measured phase.</summary>
    public static WatchedProcess? WatchedProcessOf(string text, out string? error)
    {
        error = null;
        var parts = text.Split('=', 2);
        if (parts.Length == 2 && parts[0].Length > 0 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0)
        {
            return new WatchedProcess(parts[0], pid);
        }

        error = $"'{text}' is not NAME=PID, e.g. silo=12345";
        return null;
    }

    /// <summary>The default as-of date: the first day of the current month (UTC), stable for a month of reruns.</summary>
    public static DateOnly DefaultAsOf()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new DateOnly(today.Year, today.Month, 1);
    }
}
