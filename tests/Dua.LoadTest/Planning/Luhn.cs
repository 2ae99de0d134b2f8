namespace Dua.LoadTest.Planning;

/// <summary>The Luhn (mod 10) check digit of Swedish personal identity and organisation numbers.</summary>
public static class Luhn
{
    /// <summary>The check digit for ASCII digits: the digit next to it, and every second one leftwards, doubled.</summary>
    public static char CheckDigit(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var d = payload[payload.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (char)('0' + (10 - sum % 10) % 10);
    }
}
