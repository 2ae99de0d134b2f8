using Dua.Contracts.V1;
using Dua.Grains;
using Dua.Grains.Statistics;
using Dua.ReferenceData;
using Google.Protobuf.WellKnownTypes;
using Model = Dua.Grains.Participants;

namespace Dua.Silo.Statistics;

/// <summary>Turns tallies into dua.v1 summaries: the derived figures (shares, medians, top lists, monthly sums) are made here.</summary>
public static class SummaryMapping
{
    private const int TopOccupations = 5;

    private static readonly Model.ExitOutcome[] Outcomes =
        [.. System.Enum.GetValues<Model.ExitOutcome>().Where(o => o != Model.ExitOutcome.Unspecified)];

    private static readonly Model.ExitOutcome[] WorkOrStudies =
        [Model.ExitOutcome.Employment, Model.ExitOutcome.SubsidisedEmployment, Model.ExitOutcome.RegularStudies];

    public static Summary ToSummary(this Tally tally, DateTimeOffset asOf, Disclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var summary = new Summary
        {
            AsOf = Timestamp.FromDateTimeOffset(asOf),
            MunicipalityCount = tally.Municipalities,
            YouthCoverage = Coverage(tally.YouthCovered, tally.Municipalities),
            NewcomerCoverage = Coverage(tally.NewcomersCovered, tally.Municipalities),
            JobTracks = JobTracks(tally.JobTracks, disclosure),
            Participants = Participants(tally.Participants, disclosure),
            LabourMarket = LabourMarketTotalsMapping.Summarise(tally.LabourMarket),
            OpenDialogues = tally.OpenDialogues,
        };
        summary.Agreements.AddRange(tally.Agreements.Select(a => new AgreementCount
        {
            Kind = (AgreementKind)a.Kind,
            Status = (AgreementStatus)a.Status,
            Count = a.Count,
        }));
        return summary;
    }

    public static RegionSummary ToRegionSummary(this RegionStatistics statistics, Disclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return new RegionSummary
        {
            RegionCode = statistics.RegionCode,
            RegionName = Geography.Sweden.FindCounty(statistics.RegionCode)?.Name ?? "",
            Summary = statistics.Region.ToSummary(statistics.AsOf, disclosure),
        };
    }

    public static MunicipalitySummary ToMunicipalitySummary(this RegionStatistics statistics, string municipalityCode, Disclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var tally = statistics.Municipalities[municipalityCode];
        var summary = tally.ToSummary(statistics.AsOf, disclosure);
        var result = new MunicipalitySummary
        {
            MunicipalityCode = municipalityCode,
            MunicipalityName = Geography.Sweden.FindMunicipality(municipalityCode)?.Name ?? "",
            RegionCode = statistics.RegionCode,
            Summary = summary,
        };
        var today = SwedishCalendar.DateAt(statistics.AsOf);
        foreach (var goal in statistics.Goals.GetValueOrDefault(municipalityCode, []))
        {
            result.Goals.Add(GoalMetrics.Progress(goal, summary, tally, today));
        }

        return result;
    }

    private static Coverage Coverage(int covered, int municipalities) => new()
    {
        Municipalities = covered,
        Share = municipalities == 0 ? 0 : (double)covered / municipalities,
    };

    private static JobTrackSummary JobTracks(JobTrackTally tracks, Disclosure disclosure)
    {
        var summary = new JobTrackSummary
        {
            Count = tracks.Count,
            Open = tracks.Open,
            Places = tracks.Places,
            PlacesTaken = PersonCounts.Count(tracks.PlacesTaken, disclosure),
        };
        summary.TopOccupations.AddRange(tracks.Occupations
            .OrderByDescending(o => o.JobTracks).ThenByDescending(o => o.Places).ThenBy(o => o.OccupationCode, StringComparer.Ordinal)
            .Take(TopOccupations)
            .Select(o => new OccupationCount
            {
                OccupationCode = o.OccupationCode,
                OccupationName = Occupations.Ssyk2012.Find(o.OccupationCode)?.Name ?? "",
                JobTracks = o.JobTracks,
                Places = o.Places,
            }));
        return summary;
    }

    private static ParticipantSummary Participants(ParticipantTally participants, Disclosure disclosure)
    {
        var exited = participants.Exited;
        var summary = new ParticipantSummary
        {
            Enrolled = PersonCounts.Count(participants.Enrolled, disclosure),
            InModule1 = PersonCounts.Count(participants.InModule1, disclosure),
            InModule2 = PersonCounts.Count(participants.InModule2, disclosure),
            InModule3 = PersonCounts.Count(participants.InModule3, disclosure),
            Exited = PersonCounts.Count(exited, disclosure),
        };
        summary.ExitsByOutcome.AddRange(Outcomes.Select(o => new OutcomeCount
        {
            Outcome = (ExitOutcome)o,
            Count = PersonCounts.Count(participants.ExitsByOutcome[(int)o], disclosure),
        }));
        if (exited > 0)
        {
            var toWorkOrStudies = participants.ExitedTo(WorkOrStudies);
            summary.ExitedToWorkOrStudies = PersonCounts.Figure((double)toWorkOrStudies / exited, disclosure, toWorkOrStudies, exited);
            summary.MedianDaysToExit = PersonCounts.Figure(participants.MedianDaysToExit()!.Value, disclosure, exited);
        }

        return summary;
    }
}
