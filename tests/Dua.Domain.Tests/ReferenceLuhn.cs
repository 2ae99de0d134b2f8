namespace Dua.Domain.Tests;

/// <summary>
/// The Swedish Tax Agency's description of the check digit, written independently of the production code:
/// multiply the nine digits by 2, 1, 2, 1, ... from the left, add the digits of the products, and the check digit
/// brings the sum up to the next multiple of ten.
/// </summary>
internal static class ReferenceLuhn
{
    public static char CheckDigit(string nineDigits)
    {
        Assert.Equal(9, nineDigits.Length);
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var product = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product.ToString().Sum(c => c - '0');
        }

        var check = (10 - sum % 10) % 10;
        return (char)('0' + check);
    }

    public static string Complete(string nineDigits) => nineDigits + CheckDigit(nineDigits);
}
