using Dua.Contracts.V1;

namespace Dua.Web.Presentation;

/// <summary>The tables of the country, county and municipality pages, built from the gateway's answers.</summary>
public static class AreaTables
{
    /// <summary>Landet: the 21 counties, each row linking to its county page.</summary>
    public static TableModel Counties(IEnumerable<RegionSummary> regions)
    {
        Column[] columns =
        [
            new("Län"), new("Täckning unga", true), new("Täckning nyanlända", true), new("Överenskommelser i kraft", true),
            new("Öppna jobbspår", true), new("Lediga platser", true), new("Modul 1", true), new("Modul 2", true),
            new("Modul 3", true), new("Till arbete eller studier", true), new("Arbetslösa 16–64", true), new("Förändring", true),
        ];
        var rows = regions.Select(r => (IReadOnlyList<Cell>)
        [
            Cell.Of(r.RegionName, $"/lan/{r.RegionCode}"),
            Cell.Share(r.Summary.YouthCoverage?.Share ?? 0),
            Cell.Share(r.Summary.NewcomerCoverage?.Share ?? 0),
            Cell.Of(r.Summary.Agreements.Where(a => a.Status == AgreementStatus.Signed).Sum(a => (long)a.Count)),
            Cell.Of(r.Summary.JobTracks?.Open ?? 0),
            SummaryFigures.FreePlaces(r.Summary.JobTracks),
            Cell.Of(r.Summary.Participants?.InModule1),
            Cell.Of(r.Summary.Participants?.InModule2),
            Cell.Of(r.Summary.Participants?.InModule3),
            Cell.Share(r.Summary.Participants?.ExitedToWorkOrStudies),
            Unemployed(r.Summary.LabourMarket),
            UnemployedChange(r.Summary.LabourMarket),
        ]).ToList();
        return new TableModel("Länen", "lanen", columns, rows);
    }

    /// <summary>Län: the county's municipalities, each row linking to its municipality page.</summary>
    public static TableModel Municipalities(string regionName, IEnumerable<MunicipalitySummary> municipalities)
    {
        Column[] columns =
        [
            new("Kommun"), new("Överenskommelser i kraft"), new("Öppna jobbspår", true), new("Lediga platser", true),
            new("Inskrivna deltagare", true), new("Avslutade", true), new("Till arbete eller studier", true),
            new("Arbetslösa 16–64", true), new("Förändring", true),
        ];
        var rows = municipalities.Select(m => (IReadOnlyList<Cell>)
        [
            Cell.Of(m.MunicipalityName, $"/kommun/{m.MunicipalityCode}"),
            Cell.Of(SwedishLabels.AgreementsInForce(m.Summary)),
            Cell.Of(m.Summary.JobTracks?.Open ?? 0),
            SummaryFigures.FreePlaces(m.Summary.JobTracks),
            Cell.Of(m.Summary.Participants?.Enrolled),
            Cell.Of(m.Summary.Participants?.Exited),
            Cell.Share(m.Summary.Participants?.ExitedToWorkOrStudies),
            Unemployed(m.Summary.LabourMarket),
            UnemployedChange(m.Summary.LabourMarket),
        ]).ToList();
        return new TableModel($"Kommunerna i {regionName}", "kommuner", columns, rows);
    }

    public static TableModel Occupations(JobTrackSummary? tracks)
    {
        Column[] columns = [new("Yrke"), new("SSYK"), new("Jobbspår", true), new("Platser", true)];
        var rows = (tracks?.TopOccupations ?? []).Select(o => (IReadOnlyList<Cell>)
            [Cell.Of(o.OccupationName), Cell.Of(o.OccupationCode), Cell.Of(o.JobTracks), Cell.Of(o.Places)]).ToList();
        return new TableModel("Vanligaste yrkena i lokala jobbspår", "yrken", columns, rows);
    }

    public static TableModel Dialogues(IEnumerable<Dialogue> dialogues, Func<string, string> placeName)
    {
        ArgumentNullException.ThrowIfNull(placeName);
        Column[] columns = [new("Datum"), new("Plats"), new("Rubrik"), new("Inbjudna kommuner"), new("Status"), new("Började arbeta efteråt")];
        var rows = dialogues.Select(d => (IReadOnlyList<Cell>)
        [
            new Cell(SwedishFormat.Date(d.Date), d.Date),
            Cell.Of(d.Venue),
            Cell.Of(d.Title),
            Cell.Of(string.Join(", ", d.InvitedMunicipalityCodes.Select(placeName))),
            Cell.Of(d.Outcome is null ? "Öppen" : "Avslutad"),
            Cell.Of(d.Outcome is null ? "" : d.Outcome.MunicipalityCodes.Count == 0 ? "Ingen" : string.Join(", ", d.Outcome.MunicipalityCodes.Select(placeName))),
        ]).ToList();
        return new TableModel("Regionala dialogkonferenser", "dialoger", columns, rows);
    }

    /// <summary>
    /// A county's labour-market figures month by month: each month summed over the municipalities that reported it
    /// (the count says how many), newest first.
    /// </summary>
    public static TableModel CountyMonths(IEnumerable<MonthlyFigures> figures)
    {
        Column[] columns =
        [
            new("Månad"), new("Kommuner som rapporterat", true), new("Arbetslösa 16–64", true), new("Varav 18–24", true),
            new("Varav nyanlända", true), new("Varav längre än 12 månader", true),
        ];
        var rows = figures.GroupBy(f => f.Month).OrderByDescending(g => g.Key, StringComparer.Ordinal).Select(g => (IReadOnlyList<Cell>)
        [
            new Cell(SwedishFormat.Month(g.Key), g.Key),
            Cell.Of(g.Count()),
            Cell.Of(g.Sum(f => (long)f.Unemployed1664)),
            Cell.Of(g.Sum(f => (long)f.Unemployed1824)),
            Cell.Of(g.Sum(f => (long)f.UnemployedNewcomers)),
            Cell.Of(g.Sum(f => (long)f.UnemployedOver12Months)),
        ]).ToList();
        return new TableModel("Arbetsmarknaden månad för månad", "manader", columns, rows);
    }

    public static TableModel MunicipalityMonths(IEnumerable<MonthlyFigures> figures)
    {
        Column[] columns =
        [
            new("Månad"), new("Arbetslösa 16–64", true), new("Varav 18–24", true), new("Varav nyanlända", true),
            new("Varav längre än 12 månader", true), new("Arbetslöshet", true),
        ];
        var rows = figures.OrderByDescending(f => f.Month, StringComparer.Ordinal).Select(f => (IReadOnlyList<Cell>)
        [
            new Cell(SwedishFormat.Month(f.Month), f.Month),
            Cell.Of(f.Unemployed1664),
            Cell.Of(f.Unemployed1824),
            Cell.Of(f.UnemployedNewcomers),
            Cell.Of(f.UnemployedOver12Months),
            f.HasUnemploymentRate ? new Cell(SwedishFormat.Percent(f.UnemploymentRate), f.UnemploymentRate) : Cell.Empty,
        ]).ToList();
        return new TableModel("Arbetsmarknaden månad för månad", "manader", columns, rows);
    }

    public static TableModel Signatories(Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        Column[] columns = [new("Namn"), new("Roll"), new("Part")];
        var rows = agreement.Signatories.Select(s => (IReadOnlyList<Cell>)
            [Cell.Of(s.Name), Cell.Of(s.Role), Cell.Of(SwedishLabels.Of(s.Party))]).ToList();
        return new TableModel("Undertecknare", $"undertecknare-{agreement.AgreementId}", columns, rows);
    }

    /// <summary>An agreement's goals, with the platform's progress where it measures the goal's metric.</summary>
    public static TableModel Goals(Agreement agreement, IEnumerable<GoalProgress> progress)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var measured = progress.Where(p => p.AgreementId == agreement.AgreementId).ToList();
        Column[] columns = [new("Mål"), new("Utgångsvärde", true), new("Målvärde", true), new("Måldatum"), new("Nuläge", true), new("Framsteg", true)];
        var rows = agreement.Goals.Select(goal =>
        {
            var found = measured.FirstOrDefault(p => p.Goal is { } g && g.Metric == goal.Metric && g.TargetDate == goal.TargetDate);
            return (IReadOnlyList<Cell>)
            [
                Cell.Of(goal.Metric),
                goal.HasBaseline ? new Cell(WithUnit(goal.Baseline, goal.Unit), goal.Baseline) : Cell.Empty,
                new Cell(WithUnit(goal.Target, goal.Unit), goal.Target),
                new Cell(SwedishFormat.Date(goal.TargetDate), goal.TargetDate),
                found is { HasCurrent: true } ? new Cell(WithUnit(found.Current, goal.Unit), found.Current) : Cell.Of("Mäts inte"),
                found is { HasProgress: true } ? Cell.Share(found.Progress) : Cell.Empty,
            ];
        }).ToList();
        return new TableModel("Mål och framsteg", $"mal-{agreement.AgreementId}", columns, rows);
    }

    public static TableModel JobTracks(Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        Column[] columns = [new("Jobbspår"), new("Yrke"), new("Arbetsgivare"), new("Tagna platser av platser", true), new("Längd (veckor)", true), new("Öppet")];
        var rows = agreement.JobTracks.Select(t => (IReadOnlyList<Cell>)
        [
            Cell.Of(t.Name),
            Cell.Of($"{t.OccupationName} ({t.OccupationCode})"),
            Cell.Of(t.Employers.Count == 0 ? "Ingen (förberedande spår)" : string.Join(", ", t.Employers.Select(e => e.Name))),
            t.PlacesTakenSuppressed
                ? new Cell($"{SwedishFormat.Withheld} av {SwedishFormat.Count(t.Places)}", null, Withheld: true)
                : new Cell($"{SwedishFormat.Count(t.PlacesTaken)} av {SwedishFormat.Count(t.Places)}", t.PlacesTaken),
            Cell.Of(t.LengthWeeks),
            Cell.Of(t.Open ? "Ja" : "Nej"),
        ]).ToList();
        return new TableModel("Lokala jobbspår", $"jobbspar-{agreement.AgreementId}", columns, rows);
    }

    private static Cell Unemployed(LabourMarketSummary? labour) =>
        labour is { Month.Length: > 0, Totals: { } totals } ? Cell.Of(totals.Unemployed1664) : Cell.Empty;

    private static Cell UnemployedChange(LabourMarketSummary? labour) =>
        labour is { Month.Length: > 0, Change: { } change } ? Cell.Change(change.Unemployed1664) : Cell.Empty;

    private static string WithUnit(double value, string unit) => unit switch
    {
        "percent" => SwedishFormat.Percent(value),
        "persons" => $"{SwedishFormat.Number(value, 0)} personer",
        "" => SwedishFormat.Number(value),
        _ => $"{SwedishFormat.Number(value)} {unit}",
    };
}
