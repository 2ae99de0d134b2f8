namespace Dua.Domain.Participants;

/// <summary>Ages and the age band they fall in.</summary>
public static class AgeBands
{
    /// <summary>Whole years of age on <paramref name="day"/> for someone born on <paramref name="birthDate"/>.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day) =>
        day.Year - birthDate.Year - (day < birthDate.AddYears(day.Year - birthDate.Year) ? 1 : 0);

    /// <summary>The band of someone born on <paramref name="birthDate"/>, on <paramref name="day"/>; under 20 is the youngest band, 50 and over the oldest.</summary>
    public static AgeBand On(DateOnly birthDate, DateOnly day) => AgeOn(birthDate, day) switch
    {
        < 20 => AgeBand.From16To19,
        < 25 => AgeBand.From20To24,
        < 30 => AgeBand.From25To29,
        < 40 => AgeBand.From30To39,
        < 50 => AgeBand.From40To49,
        _ => AgeBand.From50To64,
    };
}
