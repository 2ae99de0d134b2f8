using Dua.Contracts.V1;

namespace Dua.Web.Presentation;

/// <summary>What an area's summary shows: its key figures and its two charts.</summary>
public static class SummaryFigures
{
    public static IReadOnlyList<KeyFigure> KeyFigures(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var participants = summary.Participants ?? new ParticipantSummary();
        var tracks = summary.JobTracks ?? new JobTrackSummary();
        var labour = summary.LabourMarket ?? new LabourMarketSummary();
        var figures = new List<KeyFigure>
        {
            new("kommuner", "Kommuner", SwedishFormat.Count(summary.MunicipalityCount)),
            Coverage("unga", "Kommuner med överenskommelse för unga", summary.YouthCoverage),
            Coverage("nyanlanda", "Kommuner med överenskommelse för nyanlända", summary.NewcomerCoverage),
            new("jobbspar", "Lokala jobbspår", SwedishFormat.Count(tracks.Count), $"varav {SwedishFormat.Count(tracks.Open)} öppna"),
            new("platser", "Platser på öppna jobbspår", SwedishFormat.Count(tracks.Places)),
            new("tagna-platser", "Tagna platser", SwedishFormat.Count(tracks.PlacesTaken)),
            new("inskrivna", "Deltagare inskrivna", SwedishFormat.Count(participants.Enrolled)),
            new("modul-1", "I modul 1 (introduktion)", SwedishFormat.Count(participants.InModule1)),
            new("modul-2", "I modul 2 (förberedelse)", SwedishFormat.Count(participants.InModule2)),
            new("modul-3", "I modul 3 (lokalt jobbspår)", SwedishFormat.Count(participants.InModule3)),
            new("avslutade", "Avslutade", SwedishFormat.Count(participants.Exited)),
            new("arbete-studier", "Till arbete eller studier", OrNone(SwedishFormat.Share(participants.ExitedToWorkOrStudies))),
            new("mediantid", "Mediantid till avslut (dagar)", OrNone(SwedishFormat.Days(participants.MedianDaysToExit))),
            new("oppna-dialoger", "Öppna dialogkonferenser", SwedishFormat.Count(summary.OpenDialogues)),
        };
        if (labour.Month.Length > 0)
        {
            figures.Add(new("arbetslosa", $"Arbetslösa 16–64 år, {SwedishFormat.Month(labour.Month)}",
                SwedishFormat.Count(labour.Totals?.Unemployed1664 ?? 0),
                labour.Change is { } change ? $"{SwedishFormat.Change(change.Unemployed1664)} mot månaden före" : null));
        }
        else
        {
            figures.Add(new("arbetslosa", "Arbetslösa 16–64 år", "Ingen rapport"));
        }

        return figures;
    }

    /// <summary>
    /// A municipality's key figures: those of an area, less what says nothing about one municipality (its count, its
    /// coverage, which the agreements show, and dialogues, which are the county's).
    /// </summary>
    public static IReadOnlyList<KeyFigure> MunicipalityKeyFigures(Summary summary) =>
        [.. KeyFigures(summary).Where(f => f.Key is not ("kommuner" or "unga" or "nyanlanda" or "oppna-dialoger"))];

    public static IReadOnlyList<ChartBar> ParticipantsByModule(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var participants = summary.Participants ?? new ParticipantSummary();
        return
        [
            ChartBar.Of("Modul 1", participants.InModule1),
            ChartBar.Of("Modul 2", participants.InModule2),
            ChartBar.Of("Modul 3", participants.InModule3),
        ];
    }

    public static IReadOnlyList<ChartBar> ExitsByOutcome(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return [.. (summary.Participants ?? new ParticipantSummary()).ExitsByOutcome.Select(o => ChartBar.Of(SwedishLabels.Of(o.Outcome), o.Count))];
    }

    /// <summary>Free places on open tracks; withheld when the places taken are.</summary>
    public static Cell FreePlaces(JobTrackSummary? tracks) =>
        tracks is null ? Cell.Of(0)
        : tracks.PlacesTaken is { Suppressed: true } ? new Cell(SwedishFormat.Withheld, null, Withheld: true)
        : Cell.Of(tracks.Places - (tracks.PlacesTaken?.Value ?? 0));

    private static KeyFigure Coverage(string key, string label, Coverage? coverage) =>
        new(key, label, SwedishFormat.Count(coverage?.Municipalities ?? 0), SwedishFormat.Share(coverage?.Share ?? 0));

    private static string OrNone(string text) => text.Length == 0 ? "Inga avslut än" : text;
}
