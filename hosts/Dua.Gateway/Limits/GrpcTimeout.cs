using System.Globalization;

namespace Dua.Gateway.Limits;

/// <summary>The gRPC <c>grpc-timeout</c> header: at most 8 digits and a unit (H, M, S, m, u, n).</summary>
public static class GrpcTimeout
{
    public const string HeaderName = "grpc-timeout";

    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is not { Length: >= 2 and <= 9 } || !long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        TimeSpan? parsed = value[^1] switch
        {
            'H' => TimeSpan.FromHours(amount),
            'M' => TimeSpan.FromMinutes(amount),
            'S' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMilliseconds(amount),
            'u' => TimeSpan.FromMicroseconds(amount),
            'n' => TimeSpan.FromTicks(amount / 100),
            _ => null,
        };
        timeout = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    /// <summary>In whole milliseconds (rounded up, so never shorter than asked), or seconds when that needs more digits.</summary>
    public static string Format(TimeSpan timeout)
    {
        var milliseconds = (long)Math.Ceiling(timeout.TotalMilliseconds);
        return milliseconds <= 99_999_999
            ? milliseconds.ToString(CultureInfo.InvariantCulture) + "m"
            : ((long)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "S";
    }
}
