using Dua.Domain.LabourMarket;
using Dua.Domain.Statistics;
using Dua.Grains;
using Dua.ReferenceData;
using Google.Protobuf.WellKnownTypes;
using V1 = Dua.Contracts.V1;
using Dua.Grains.Abstractions;

namespace Dua.Silo.Statistics;

/// <summary>
/// Turns the domain's statistics into dua.v1 summaries, in one place. Every figure (shares, medians, top lists,
/// monthly sums, goal progress, what is withheld) is the domain's (<see cref="AreaSummary"/>,
/// <see cref="GoalProgress"/>); this adds only names from the code lists. Enums share their numbers with the
/// contract's (pinned by a test), so they map by cast.
/// </summary>
public static class SummaryMapping
{
    public static V1.Summary ToSummary(this Tally tally, DateTimeOffset asOf, Disclosure disclosure) =>
        AreaSummary.Of(tally, asOf, disclosure).MapToContract();

    /// <summary>The summary of a tally, showing its person counts as <paramref name="counts"/> decided.</summary>
    public static V1.Summary ToSummary(this Tally tally, DateTimeOffset asOf, AreaPersonCounts counts) =>
        AreaSummary.Of(tally, asOf, counts).MapToContract();

    public static V1.RegionSummary ToRegionSummary(this CountyStatistics statistics, Disclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return statistics.ToRegionSummary(AreaPersonCounts.Alone(statistics.County, disclosure));
    }

    public static V1.RegionSummary ToRegionSummary(this CountyStatistics statistics, AreaPersonCounts counts)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return new V1.RegionSummary
        {
            RegionCode = statistics.CountyCode,
            RegionName = Geography.Sweden.FindCounty(statistics.CountyCode)?.Name ?? "",
            Summary = statistics.County.ToSummary(statistics.AsOf, counts),
        };
    }

    public static V1.MunicipalitySummary ToMunicipalitySummary(this CountyStatistics statistics, string municipalityCode, Disclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return statistics.ToMunicipalitySummary(municipalityCode, AreaPersonCounts.Alone(statistics.Municipalities[municipalityCode], disclosure));
    }

    /// <summary>A municipality's summary with the progress of the goals of the agreements in force there.</summary>
    public static V1.MunicipalitySummary ToMunicipalitySummary(this CountyStatistics statistics, string municipalityCode, AreaPersonCounts counts)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var tally = statistics.Municipalities[municipalityCode];
        var summary = AreaSummary.Of(tally, statistics.AsOf, counts);
        var result = new V1.MunicipalitySummary
        {
            MunicipalityCode = municipalityCode,
            MunicipalityName = Geography.Sweden.FindMunicipality(municipalityCode)?.Name ?? "",
            RegionCode = statistics.CountyCode,
            Summary = summary.MapToContract(),
        };
        var today = SwedishCalendar.DateAt(statistics.AsOf);
        result.Goals.AddRange(statistics.Goals.GetValueOrDefault(municipalityCode, [])
            .Select(goal => GoalProgress.Of(goal, summary, tally, today).MapToContract()));
        return result;
    }

    public static V1.Summary MapToContract(this AreaSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var summary = new V1.Summary
        {
            AsOf = Timestamp.FromDateTimeOffset(s.AsOf),
            MunicipalityCount = s.MunicipalityCount,
            YouthCoverage = s.YouthCoverage.MapToContract(),
            NewcomerCoverage = s.NewcomerCoverage.MapToContract(),
            JobTracks = s.JobTracks.MapToContract(),
            Participants = s.Participants.MapToContract(),
            LabourMarket = s.LabourMarket.MapToContract(),
            OpenDialogues = s.OpenDialogues,
        };
        summary.Agreements.AddRange(s.Agreements.Select(a => new V1.AgreementCount
        {
            Kind = (V1.AgreementKind)a.Kind,
            Status = (V1.AgreementStatus)a.Status,
            Count = a.Count,
        }));
        return summary;
    }

    public static V1.GoalProgress MapToContract(this GoalProgress p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var goal = p.Goal.Goal;
        var progress = new V1.GoalProgress
        {
            AgreementId = p.Goal.AgreementId,
            Kind = (V1.AgreementKind)p.Goal.Kind,
            Goal = new V1.Goal
            {
                Metric = goal.Metric,
                Target = goal.Target,
                TargetDate = goal.TargetDate.ToString(Api.AgreementMapping.DateFormat, System.Globalization.CultureInfo.InvariantCulture),
                Unit = goal.Unit,
            },
            DaysToTarget = p.DaysToTarget,
        };
        if (goal.Baseline is { } baseline)
        {
            progress.Goal.Baseline = baseline;
        }

        if (p.Current is { } current)
        {
            progress.Current = current;
        }

        if (p.Progress is { } value)
        {
            progress.Progress = value;
        }

        return progress;
    }

    private static V1.Coverage MapToContract(this Coverage c) => new() { Municipalities = c.Municipalities, Share = c.Share };

    private static V1.JobTrackSummary MapToContract(this JobTrackSummary tracks)
    {
        var summary = new V1.JobTrackSummary
        {
            Count = tracks.Count,
            Open = tracks.Open,
            Places = tracks.Places,
            PlacesTaken = tracks.PlacesTaken.MapToContract(),
        };
        summary.TopOccupations.AddRange(tracks.TopOccupations.Select(o => new V1.OccupationCount
        {
            OccupationCode = o.OccupationCode,
            OccupationName = Occupations.Ssyk2012.Find(o.OccupationCode)?.Name ?? "",
            JobTracks = o.JobTracks,
            Places = o.Places,
        }));
        return summary;
    }

    private static V1.ParticipantSummary MapToContract(this ParticipantSummary p)
    {
        var summary = new V1.ParticipantSummary
        {
            Enrolled = p.Enrolled.MapToContract(),
            InModule1 = p.InModule1.MapToContract(),
            InModule2 = p.InModule2.MapToContract(),
            InModule3 = p.InModule3.MapToContract(),
            Exited = p.Exited.MapToContract(),
            ExitedToWorkOrStudies = p.ExitedToWorkOrStudies?.MapToContract(),
            MedianDaysToExit = p.MedianDaysToExit?.MapToContract(),
        };
        summary.ExitsByOutcome.AddRange(p.ExitsByOutcome.Select(o => new V1.OutcomeCount
        {
            Outcome = (V1.ExitOutcome)o.Outcome,
            Count = o.Count.MapToContract(),
        }));
        return summary;
    }

    private static V1.LabourMarketSummary MapToContract(this LabourMarketSummary l) => new()
    {
        Month = l.Month is { } month ? ReportingMonth.ToText(month) : "",
        MunicipalitiesReported = l.MunicipalitiesReported,
        Totals = l.Totals.MapToContract(),
        MunicipalitiesCompared = l.MunicipalitiesCompared,
        PreviousMonth = l.PreviousMonth?.MapToContract(),
        Change = l.Change?.MapToContract(),
    };

    private static V1.LabourMarketTotals MapToContract(this LabourMarketTotals t) => new()
    {
        Unemployed1664 = t.Unemployed16To64,
        Unemployed1824 = t.Unemployed18To24,
        UnemployedNewcomers = t.UnemployedNewcomers,
        UnemployedOver12Months = t.UnemployedOver12Months,
    };

    private static V1.PersonCount MapToContract(this PersonCount c) =>
        c.Withheld ? new V1.PersonCount { Suppressed = true } : new V1.PersonCount { Value = c.Value };

    private static V1.PersonFigure MapToContract(this PersonFigure f) =>
        f.Withheld ? new V1.PersonFigure { Suppressed = true } : new V1.PersonFigure { Value = f.Value };
}
