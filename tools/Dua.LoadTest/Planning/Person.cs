using Dua.Contracts.V1;

namespace Dua.LoadTest.Planning;

/// <summary>A made-up person: a well-formed personnummer (YYYYMMDDNNNC) and the birth date in it.</summary>
public sealed record Person(string PersonalIdentityNumber, DateOnly BirthDate)
{
    public int AgeOn(DateOnly day) => day.Year - BirthDate.Year - (day < BirthDate.AddYears(day.Year - BirthDate.Year) ? 1 : 0);

    public AgeBand AgeBandOn(DateOnly day) => AgeOn(day) switch
    {
        < 20 => AgeBand._1619,
        < 25 => AgeBand._2024,
        < 30 => AgeBand._2529,
        < 40 => AgeBand._3039,
        < 50 => AgeBand._4049,
        _ => AgeBand._5064,
    };
}
