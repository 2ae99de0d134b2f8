using Dua.Contracts.V1;
using Dua.Grains;
using Dua.Grains.Statistics;
using Dua.ReferenceData;
using Google.Protobuf.WellKnownTypes;
using Model = Dua.Domain.Participants;

namespace Dua.Silo.Statistics;

/// <summary>Turns tallies into dua.v1 summaries: the derived figures (shares, medians, top lists, monthly sums) are made here.</summary>
public static class SummaryMapping
{
    private const int TopOccupations = 5;

    private static readonly Model.ExitOutcome[] Outcomes =
        [.. System.Enum.GetValues<Model.ExitOutcome>().Where(o => o != Model.ExitOutcome.Unspecified)];

    private static readonly Model.ExitOutcome[] WorkOrStudies =
        [Model.ExitOutcome.Employment, Model.ExitOutcome.SubsidisedEmployment, Model.ExitOutcome.RegularStudies];

    public static Summary ToSummary(this Tally tally, DateTimeOffset asOf, Disclosure disclosure) =>
        tally.ToSummary(asOf, AreaPersonCounts.Alone(tally, disclosure));

    /// <summary>The summary of a tally, showing its person counts as <paramref name="counts"/> decided.</summary>
    public static Summary ToSummary(this Tally tally, DateTimeOffset asOf, AreaPersonCounts counts)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(counts);
        var summary = new Summary
        {
            AsOf = Timestamp.FromDateTimeOffset(asOf),
            MunicipalityCount = tally.Municipalities,
            YouthCoverage = Coverage(tally.YouthCovered, tally.Municipalities),
            NewcomerCoverage = Coverage(tally.NewcomersCovered, tally.Municipalities),
            JobTracks = JobTracks(tally.JobTracks, counts),
            Participants = Participants(tally.Participants, counts),
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
        return statistics.ToRegionSummary(AreaPersonCounts.Alone(statistics.Region, disclosure));
    }

    public static RegionSummary ToRegionSummary(this RegionStatistics statistics, AreaPersonCounts counts)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return new RegionSummary
        {
            RegionCode = statistics.RegionCode,
            RegionName = Geography.Sweden.FindCounty(statistics.RegionCode)?.Name ?? "",
            Summary = statistics.Region.ToSummary(statistics.AsOf, counts),
        };
    }

    public static MunicipalitySummary ToMunicipalitySummary(this RegionStatistics statistics, string municipalityCode, Disclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return statistics.ToMunicipalitySummary(municipalityCode, AreaPersonCounts.Alone(statistics.Municipalities[municipalityCode], disclosure));
    }

    public static MunicipalitySummary ToMunicipalitySummary(this RegionStatistics statistics, string municipalityCode, AreaPersonCounts counts)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var tally = statistics.Municipalities[municipalityCode];
        var summary = tally.ToSummary(statistics.AsOf, counts);
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

    private static JobTrackSummary JobTracks(JobTrackTally tracks, AreaPersonCounts counts)
    {
        var summary = new JobTrackSummary
        {
            Count = tracks.Count,
            Open = tracks.Open,
            Places = tracks.Places,
            PlacesTaken = Count(counts, AreaPersonCounts.PlacesTaken),
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

    private static ParticipantSummary Participants(ParticipantTally participants, AreaPersonCounts counts)
    {
        var exited = participants.Exited;
        var summary = new ParticipantSummary
        {
            Enrolled = Count(counts, AreaPersonCounts.Enrolled),
            InModule1 = Count(counts, AreaPersonCounts.InModule1),
            InModule2 = Count(counts, AreaPersonCounts.InModule2),
            InModule3 = Count(counts, AreaPersonCounts.InModule3),
            Exited = Count(counts, AreaPersonCounts.Exited),
        };
        summary.ExitsByOutcome.AddRange(Outcomes.Select(o => new OutcomeCount
        {
            Outcome = (ExitOutcome)o,
            Count = Count(counts, AreaPersonCounts.Exit((int)o)),
        }));
        if (exited > 0)
        {
            // A share times the shown exits would give its numerator away, so it is withheld with any count it
            // derives from, as is the median with the exits.
            var toWorkOrStudies = participants.ExitedTo(WorkOrStudies);
            var exitsWithheld = counts[AreaPersonCounts.Exited].Withheld;
            var shareWithheld = exitsWithheld || PersonCounts.Withholds(toWorkOrStudies, counts.Disclosure)
                || WorkOrStudies.Any(o => counts[AreaPersonCounts.Exit((int)o)].Withheld);
            summary.ExitedToWorkOrStudies = PersonCounts.Figure((double)toWorkOrStudies / exited, shareWithheld);
            summary.MedianDaysToExit = PersonCounts.Figure(participants.MedianDaysToExit()!.Value, exitsWithheld);
        }

        return summary;
    }

    private static PersonCount Count(AreaPersonCounts counts, int slot) =>
        PersonCounts.Count(counts[slot].Value, counts[slot].Withheld);
}
