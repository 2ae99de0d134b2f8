using System.Globalization;

namespace Dua.Testing;

/// <summary>
/// Valid Swedish personal identity numbers (YYMMDD-NNNC) for tests that enrol people through the API: a date of
/// birth from 1960 on and a serial, so no two numbers of one process repeat; the start is random so runs differ.
/// </summary>
public static class TestPeople
{
    private static int s_next = Random.Shared.Next(0, 5_000_000);

    public static string NewPersonalIdentityNumber()
    {
        var n = Interlocked.Increment(ref s_next);
        var nine = new DateOnly(1960, 1, 1).AddDays(n / 1000).ToString("yyMMdd", CultureInfo.InvariantCulture)
            + (n % 1000).ToString("D3", CultureInfo.InvariantCulture);
        return $"{nine[..6]}-{nine[6..]}{LuhnDigit(nine)}";
    }

    /// <summary>The check digit of the first nine digits: weights 2, 1, 2, ... and the digit sums of the products.</summary>
    public static char LuhnDigit(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < nineDigits.Length; i++)
        {
            var product = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }

        return (char)('0' + (10 - sum % 10) % 10);
    }
}
