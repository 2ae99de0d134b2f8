namespace Dua.Domain;

/// <summary>The Luhn (mod 10) check digit used by Swedish personal identity and organisation numbers.</summary>
public static class Luhn
{
    /// <summary>The check digit for a run of ASCII digits (the payload, without its check digit).</summary>
    public static int CheckDigit(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var d = payload[payload.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                // The digit next to the check digit, and every second one leftwards, is doubled.
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (10 - sum % 10) % 10;
    }

    /// <summary>Whether the last of these ASCII digits is the check digit of the ones before it.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits) =>
        digits.Length >= 2 && CheckDigit(digits[..^1]) == digits[^1] - '0';
}
