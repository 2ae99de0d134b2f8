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
        return $"{nine[..6]}-{nine[6..]}{Dua.Domain.Luhn.CheckDigit(nine)}";
    }
}
