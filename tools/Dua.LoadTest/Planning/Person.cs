using Dua.Domain.Participants;
using AgeBand = Dua.Contracts.V1.AgeBand;

namespace Dua.LoadTest.Planning;

/// <summary>A made-up person: a well-formed personnummer (YYYYMMDDNNNC) and the birth date in it.</summary>
public sealed record Person(string PersonalIdentityNumber, DateOnly BirthDate)
{
    public int AgeOn(DateOnly day) => AgeBands.AgeOn(BirthDate, day);

    /// <summary>The contract's age band: the domain's, whose numbers it shares.</summary>
    public AgeBand AgeBandOn(DateOnly day) => (AgeBand)AgeBands.On(BirthDate, day);
}
