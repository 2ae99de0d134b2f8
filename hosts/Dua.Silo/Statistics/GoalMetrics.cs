using Dua.Contracts.V1;
using Dua.Grains.Statistics;
using Dua.Silo.Api;

namespace Dua.Silo.Statistics;

/// <summary>
/// Measures an agreement goal where its metric is one the platform knows (named in the dua.v1 contract): the
/// municipality's latest labour-market figures or its participants. Other metrics are shown without a current value.
/// </summary>
public static class GoalMetrics
{
    public static GoalProgress Progress(AgreementGoal goal, Summary summary, Tally tally, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(tally);
        var progress = new GoalProgress
        {
            AgreementId = goal.AgreementId,
            Kind = (AgreementKind)goal.Kind,
            Goal = AgreementMapping.MapToContract(goal.Goal),
            DaysToTarget = goal.Goal.TargetDate.DayNumber - today.DayNumber,
        };
        if (Current(goal.Goal.Metric, summary, tally) is { } current)
        {
            progress.Current = current;
            if (goal.Goal.Baseline is { } baseline && goal.Goal.Target != baseline)
            {
                progress.Progress = (current - baseline) / (goal.Goal.Target - baseline);
            }
        }

        return progress;
    }

    private static double? Current(string metric, Summary summary, Tally tally)
    {
        var labour = summary.LabourMarket;
        var reported = labour.MunicipalitiesReported > 0;
        return metric.Trim().ToLowerInvariant() switch
        {
            "unemployment_rate" => tally.LabourMarket.FirstOrDefault()?.LatestMonths.FirstOrDefault()?.Figures.UnemploymentRate,
            "unemployed_16_64" when reported => labour.Totals.Unemployed1664,
            "unemployed_18_24" when reported => labour.Totals.Unemployed1824,
            "unemployed_newcomers" when reported => labour.Totals.UnemployedNewcomers,
            "unemployed_over_12_months" when reported => labour.Totals.UnemployedOver12Months,
            "participants_enrolled" when !summary.Participants.Enrolled.Suppressed => summary.Participants.Enrolled.Value,
            "exited_to_work_or_studies_share" when summary.Participants.ExitedToWorkOrStudies is { Suppressed: false } share => share.Value,
            _ => null,
        };
    }
}
