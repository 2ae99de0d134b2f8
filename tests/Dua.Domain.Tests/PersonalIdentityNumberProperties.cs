using CsCheck;
using System.Security.Cryptography;

namespace Dua.Domain.Tests;

public class PersonalIdentityNumberProperties
{
    private const int Iterations = 5_000;
    private static readonly Pseudonymizer Pseudonymizer = new(RandomNumberGenerator.GetBytes(32));

    /// <summary>A valid number: reference date, birth date up to 150 years before it, and the digits.</summary>
    private sealed record Case(DateOnly Today, DateOnly Birth, bool Coordination, string TenDigits)
    {
        public string TwelveDigits => $"{Birth.Year / 100:D2}{TenDigits}";

        /// <summary>'+' exactly when the person has had a 100th birthday (as month and day, on the reference date).</summary>
        public bool Centenarian =>
            (Birth.Year + 100, Birth.Month, Birth.Day).CompareTo((Today.Year, Today.Month, Today.Day)) <= 0;

        public IEnumerable<string> Notations()
        {
            yield return TwelveDigits;
            yield return TwelveDigits.Insert(8, "-");
            yield return TenDigits.Insert(6, Centenarian ? "+" : "-");
            if (!Centenarian)
            {
                yield return TenDigits;
            }
        }
    }

    private static readonly Gen<Case> Cases =
        Gen.Select(
            Gen.DateOnly[new DateOnly(1990, 1, 1), new DateOnly(2110, 12, 31)],
            Gen.Int[0, 150 * 366],
            Gen.Bool,
            Gen.Int[0, 999])
        .Select(t =>
        {
            var (today, daysBack, coordination, serial) = t;
            var birth = today.AddDays(-daysBack);
            var day = birth.Day + (coordination ? 60 : 0);
            var nine = $"{birth.Year % 100:D2}{birth.Month:D2}{day:D2}{serial:D3}";
            return new Case(today, birth, coordination, ReferenceLuhn.Complete(nine));
        });

    [Fact]
    public void Every_notation_parses_to_the_same_number_and_pseudonym() =>
        Cases.Sample(c =>
        {
            var parsed = c.Notations().Select(n =>
            {
                Assert.True(PersonalIdentityNumber.TryParse(n, c.Today, out var value, out var error), $"{n}: {error}");
                return value!;
            }).ToList();

            foreach (var number in parsed)
            {
                Assert.Equal(c.TwelveDigits, number.Canonical);
                Assert.Equal(c.Birth, number.BirthDate);
                Assert.Equal(c.Coordination, number.IsCoordinationNumber);
                Assert.Equal(parsed[0], number);
            }

            Assert.Single(parsed.Select(Pseudonymizer.Pseudonymize).Distinct());
        }, iter: Iterations);

    [Fact]
    public void Changing_any_one_of_the_ten_digits_is_rejected() =>
        Cases.Sample(c =>
        {
            foreach (var notation in c.Notations())
            {
                // The century digits of the 12-digit form are outside the check digit: 1881 and 1981 are both
                // plausible, so only the ten checked digits are flipped.
                var firstChecked = notation.Length - (notation.Contains('-') || notation.Contains('+') ? 11 : 10);
                for (var i = firstChecked; i < notation.Length; i++)
                {
                    if (!char.IsAsciiDigit(notation[i]))
                    {
                        continue;
                    }

                    foreach (var digit in "0123456789".Where(d => d != notation[i]))
                    {
                        var changed = string.Concat(notation.AsSpan(0, i), [digit], notation.AsSpan(i + 1));
                        Assert.False(
                            PersonalIdentityNumber.TryParse(changed, c.Today, out var value, out _),
                            $"{changed} (from {notation}) was accepted");
                        Assert.Null(value);
                    }
                }
            }
        }, iter: 1_000);

    [Fact]
    public void ToString_never_contains_a_digit() =>
        Cases.Sample(c =>
        {
            var number = PersonalIdentityNumber.Parse(c.TwelveDigits, c.Today);
            Assert.DoesNotContain(number.ToString(), char.IsDigit);
            Assert.DoesNotContain(c.TenDigits[..6], $"{number}");
        }, iter: Iterations);
}
