namespace Dua.Domain.Statistics;

/// <summary>
/// How far a goal has come where its agreement applies. A goal whose metric the platform measures (the
/// municipality's latest labour-market figures, or its participants) has a current value, and with a baseline a
/// progress from baseline (0) to target (1); any other metric is shown without them.
/// </summary>
/// <param name="DaysToTarget">Days from today to the goal's target date; negative once it has passed.</param>
public sealed record GoalProgress(AgreementGoal Goal, double? Current, double? Progress, int DaysToTarget)
{
    // The metrics the platform measures, as goals name them.
    public const string UnemploymentRate = "unemployment_rate";
    public const string Unemployed16To64 = "unemployed_16_64";
    public const string Unemployed18To24 = "unemployed_18_24";
    public const string UnemployedNewcomers = "unemployed_newcomers";
    public const string UnemployedOver12Months = "unemployed_over_12_months";
    public const string ParticipantsEnrolled = "participants_enrolled";
    public const string ExitedToWorkOrStudiesShare = "exited_to_work_or_studies_share";

    /// <summary>
    /// Measures a goal of an agreement in force in one municipality, from the municipality's summary as the caller
    /// sees it (a withheld count measures nothing) and its tally (the latest unemployment rate).
    /// </summary>
    /// <param name="today">The Swedish date the summary holds for.</param>
    public static GoalProgress Of(AgreementGoal goal, AreaSummary summary, Tally tally, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(tally);
        var target = goal.Goal;
        var current = Measure(target.Metric, summary, tally);
        double? progress = current is { } value && target.Baseline is { } baseline && target.Target != baseline
            ? (value - baseline) / (target.Target - baseline)
            : null;
        return new GoalProgress(goal, current, progress, target.TargetDate.DayNumber - today.DayNumber);
    }

    private static double? Measure(string metric, AreaSummary summary, Tally tally)
    {
        var labour = summary.LabourMarket;
        var reported = labour.MunicipalitiesReported > 0;
        var participants = summary.Participants;
        return metric.Trim().ToLowerInvariant() switch
        {
            UnemploymentRate => tally.LabourMarket.FirstOrDefault()?.LatestMonths.FirstOrDefault()?.Figures.UnemploymentRate,
            Unemployed16To64 when reported => labour.Totals.Unemployed16To64,
            Unemployed18To24 when reported => labour.Totals.Unemployed18To24,
            UnemployedNewcomers when reported => labour.Totals.UnemployedNewcomers,
            UnemployedOver12Months when reported => labour.Totals.UnemployedOver12Months,
            ParticipantsEnrolled when !participants.Enrolled.Withheld => participants.Enrolled.Value,
            ExitedToWorkOrStudiesShare when participants.ExitedToWorkOrStudies is { Withheld: false } share => share.Value,
            _ => null,
        };
    }
}
