using Dua.Domain.Agreements;

namespace Dua.Domain.Statistics;

/// <summary>
/// The figures a trend keeps for each month, as slots of one array. Flows count what happened in the month;
/// states (<see cref="IsState"/>) hold at the month's end and carry on into later months until they change.
/// </summary>
public static class TrendSlots
{
    /// <summary>Participants enrolled in the month (flow).</summary>
    public const int Enrolled = 0;

    /// <summary>Participants in module 1, 2, 3 at the month's end (states); module 3 participants hold job-track places.</summary>
    public const int InModule1 = 1;

    public const int InModule2 = 2;

    public const int InModule3 = 3;

    /// <summary>Exits in the month by outcome (flows), indexed by the outcome's number.</summary>
    public const int FirstExit = 4;

    public static readonly int FirstInForce = FirstExit + ParticipantTally.OutcomeSlots;

    /// <summary>Agreements in force at the month's end, by kind (states), indexed by the kind's number.</summary>
    public static readonly int KindSlots = Enum.GetValues<AgreementKind>().Length;

    /// <summary>Municipalities covered by a YOUTH / NEWCOMERS agreement in force at the month's end (states).</summary>
    public static readonly int YouthCovered = FirstInForce + KindSlots;

    public static readonly int NewcomersCovered = YouthCovered + 1;

    /// <summary>Open job tracks of agreements in force at the month's end, and their places (states).</summary>
    public static readonly int TracksOpen = NewcomersCovered + 1;

    public static readonly int Places = TracksOpen + 1;

    /// <summary>Labour market (flows): municipalities that reported the month, and their figures summed.</summary>
    public static readonly int Reported = Places + 1;

    public static readonly int FirstFigure = Reported + 1;

    /// <summary>Municipalities that reported the month and the one before, and the change of their figures.</summary>
    public static readonly int Compared = FirstFigure + 4;

    public static readonly int FirstChange = Compared + 1;

    /// <summary>Dialogue conferences held in the month, and the municipalities that started work on an agreement after one (flows).</summary>
    public static readonly int DialoguesHeld = FirstChange + 4;

    public static readonly int MunicipalitiesStarted = DialoguesHeld + 1;

    public static readonly int Count = MunicipalitiesStarted + 1;

    public static int Exit(int outcome) => FirstExit + outcome;

    public static int InForce(AgreementKind kind) => FirstInForce + (int)kind;

    public static bool IsState(int slot) =>
        slot is InModule1 or InModule2 or InModule3 || (slot >= FirstInForce && slot <= Places);
}
