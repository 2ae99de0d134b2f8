using System.Globalization;
using Dua.Domain.Participants;
using AgeBand = Dua.Contracts.V1.AgeBand;

namespace Dua.Benchmarks.Participants;

/// <summary>A made-up person: a well-formed personnummer and the age band that goes with it.</summary>
public sealed record Person(string PersonalIdentityNumber, AgeBand AgeBand);

/// <summary>
/// Draws distinct, valid personnummer (YYYYMMDDNNNC, Luhn check digit) for random birth dates. The platform keys
/// a person by the number, so two participants must never share one within a run. Thread-safe.
/// </summary>
public sealed class PersonGenerator(DateOnly today)
{
    // 1962-2005 keeps everyone within the 16-64 age bands the platform knows (the oldest are 64 in 2026).
    private static readonly DateOnly Earliest = new(1962, 1, 1);
    private static readonly DateOnly Latest = new(2005, 12, 31);

    private readonly HashSet<string> drawn = [];

    public Person Next()
    {
        while (true)
        {
            var birth = Earliest.AddDays(Random.Shared.Next(Latest.DayNumber - Earliest.DayNumber + 1));
            var serial = Random.Shared.Next(1, 1000);
            var payload = string.Create(CultureInfo.InvariantCulture, $"{birth:yyMMdd}{serial:D3}");
            var number = string.Create(CultureInfo.InvariantCulture, $"{birth.Year / 100:D2}{payload}{Dua.Domain.Luhn.CheckDigit(payload)}");
            lock (drawn)
            {
                if (drawn.Add(number))
                {
                    return new Person(number, AgeBandOf(birth));
                }
            }
        }
    }

    // The contract's age band: the domain's, whose numbers it shares.
    private AgeBand AgeBandOf(DateOnly birth) => (AgeBand)AgeBands.On(birth, today);
}
