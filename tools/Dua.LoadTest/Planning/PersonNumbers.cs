using System.Globalization;

namespace Dua.LoadTest.Planning;

/// <summary>
/// Gives participant number i of a plan its own person, with no two participants sharing a personnummer
/// however many there are: the platform allows one open process per person.
/// </summary>
/// <remarks>
/// A personnummer is a birth date and a serial 001-999 (plus the check digit), so a window of birth dates holds
/// days x 999 numbers ("slots"). Participant i gets slot (i * a + b) mod slots, with a coprime to the number of
/// slots: a bijection, so distinct participants get distinct numbers without remembering which were drawn, and
/// the plan of participant i does not depend on how many participants there are. a and b come from the seed.
/// Young people and newcomers draw from disjoint birth windows (born 18-25 and 25-60 years before the as-of
/// date), so their numbers never meet either, and everyone is the right age for the group at enrolment (which
/// lies at most two years before the as-of date).
/// </remarks>
public sealed class PersonNumbers
{
    private const int SerialsPerDay = 999;

    private readonly BirthWindow _youth;
    private readonly BirthWindow _newcomers;

    public PersonNumbers(long seed, DateOnly asOf)
    {
        _youth = new BirthWindow(seed, "youth", asOf.AddYears(-25).AddDays(1), asOf.AddYears(-18));
        _newcomers = new BirthWindow(seed, "newcomers", asOf.AddYears(-60).AddDays(1), asOf.AddYears(-25));
    }

    /// <summary>How many distinct persons each group can have: the most participants a plan may hold.</summary>
    public long Capacity => Math.Min(_youth.Slots, _newcomers.Slots);

    public Person For(long index, bool newcomer)
    {
        var window = newcomer ? _newcomers : _youth;
        if (index < 0 || index >= window.Slots)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"a plan holds at most {window.Slots:N0} participants");
        }

        var slot = (long)(((ulong)index * window.Multiplier + window.Offset) % (ulong)window.Slots);
        var birth = window.First.AddDays((int)(slot / SerialsPerDay));
        var serial = (int)(slot % SerialsPerDay) + 1;
        var payload = string.Create(CultureInfo.InvariantCulture, $"{birth:yyMMdd}{serial:D3}");
        return new Person(string.Create(CultureInfo.InvariantCulture, $"{birth:yyyy}{payload[2..]}{Dua.Domain.Luhn.CheckDigit(payload)}"), birth);
    }

    private sealed class BirthWindow
    {
        public BirthWindow(long seed, string group, DateOnly first, DateOnly last)
        {
            First = first;
            Slots = (long)(last.DayNumber - first.DayNumber + 1) * SerialsPerDay;
            var random = new PlanRandom(seed, "person-numbers:" + group);
            Multiplier = 1 + random.NextUInt64() % (ulong)(Slots - 1);
            while (Gcd(Multiplier, (ulong)Slots) != 1)
            {
                Multiplier++;
            }

            Offset = random.NextUInt64() % (ulong)Slots;
        }

        public DateOnly First { get; }

        public long Slots { get; }

        public ulong Multiplier { get; }

        public ulong Offset { get; }

        private static ulong Gcd(ulong a, ulong b)
        {
            while (b != 0)
            {
                (a, b) = (b, a % b);
            }

            return a;
        }
    }
}
