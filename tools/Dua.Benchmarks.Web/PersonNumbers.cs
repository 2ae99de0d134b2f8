using System.Globalization;
using Dua.Domain;

namespace Dua.Benchmarks.Web;

/// <summary>New valid personal identity numbers of the right age for each enrolment; random, so runs differ.</summary>
public sealed class PersonNumbers
{
    private int _serial = Random.Shared.Next(0, 900);

    public string Next(bool young)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var birth = young ? today.AddYears(-20).AddDays(-Random.Shared.Next(0, 1000)) : today.AddYears(-35).AddDays(-Random.Shared.Next(0, 3000));
        var serial = (_serial++ % 1000).ToString("D3", CultureInfo.InvariantCulture);
        var nine = birth.ToString("yyMMdd", CultureInfo.InvariantCulture) + serial;
        return $"{nine[..6]}-{nine[6..]}{Luhn.CheckDigit(nine)}";
    }
}
