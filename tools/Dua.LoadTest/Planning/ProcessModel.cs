namespace Dua.LoadTest.Planning;

/// <summary>
/// The shape of the participants' processes: who goes where, how long each module lasts and how often people
/// leave early. Plausible rather than measured (there is no public data set of participants to copy); the
/// durations follow what agreements describe: a few weeks of mapping, a few months of job preparation, and a
/// job track of 12 weeks to 2 years.
/// </summary>
public static class ProcessModel
{
    /// <summary>The participants that can make a plan; the person windows hold about 2.5 M young people.</summary>
    public const long MaxParticipants = 2_000_000;

    /// <summary>Job-track places are sized for this many participants, so growing a data set keeps every request.</summary>
    public const long PlacesSizedFor = 1_000_000;

    /// <summary>Enrolments fall on the 730 days before the as-of date.</summary>
    public const int EnrolmentWindowDays = 730;

    /// <summary>Share of participants in the newcomers' agreement where a municipality has one.</summary>
    public const double NewcomerShare = 0.45;

    /// <summary>Youth participants unemployed for more than twelve months (a second target group).</summary>
    public const double YouthLongTermShare = 0.15;

    public const double DropOutOfModule1 = 0.06;
    public const double DropOutOfModule2 = 0.08;
    public const double DropOutOfJobTrack = 0.10;

    public static double WorkPathShare(bool newcomer) => newcomer ? 0.70 : 0.60;

    /// <summary>Of those choosing work in an agreement with job tracks, the share that starts one.</summary>
    public static double JobTrackShare(bool newcomer) => newcomer ? 0.65 : 0.40;

    /// <summary>Share of an agreement's participants that ever start one particular of its job tracks.</summary>
    public static double ShareOnTrack(bool newcomer, int trackCount) =>
        (1 - DropOutOfModule1) * (1 - DropOutOfModule2) * WorkPathShare(newcomer) * JobTrackShare(newcomer) / trackCount;

    /// <summary>Youth agreements run at most a few job tracks; newcomer agreements need three with employers.</summary>
    public const int NewcomerTracksMin = 3;
    public const int NewcomerTracksMax = 5;

    /// <summary>Municipalities without a newcomers' agreement, chosen among the smaller ones (~240 of 290 have one).</summary>
    public const int MunicipalitiesWithoutNewcomerAgreement = 50;

    /// <summary>Months of labour-market figures per municipality, ending with the month before the as-of date: two years, as the enrolments, so trends have figures to show.</summary>
    public const int FigureMonths = 24;
}
