using Dua.Contracts.V1;
using Dua.Web.Presentation;

namespace Dua.Web.Tests;

/// <summary>Counts a regional office may not see show as "–" everywhere, and never as a zero.</summary>
public sealed class SuppressionDisplayTests
{
    private static Summary WithSuppressedParticipants() => new()
    {
        MunicipalityCount = 10,
        YouthCoverage = new() { Municipalities = 9, Share = 0.9 },
        NewcomerCoverage = new() { Municipalities = 1, Share = 0.1 },
        JobTracks = new() { Count = 3, Open = 3, Places = 36, PlacesTaken = new() { Suppressed = true } },
        Participants = new()
        {
            Enrolled = new() { Suppressed = true },
            InModule1 = new() { Suppressed = true },
            InModule2 = new() { Value = 0 },
            InModule3 = new() { Value = 0 },
            Exited = new() { Value = 0 },
            ExitsByOutcome = { new OutcomeCount { Outcome = ExitOutcome.Employment, Count = new() { Suppressed = true } } },
        },
        LabourMarket = new()
        {
            Month = "2026-10",
            Totals = new() { Unemployed1664 = 1300 },
            Change = new() { Unemployed1664 = -35 },
        },
    };

    [Fact]
    public void Key_figures_show_withheld_counts_as_a_dash()
    {
        var figures = SummaryFigures.KeyFigures(WithSuppressedParticipants()).ToDictionary(f => f.Key);

        Assert.Equal("–", figures["inskrivna"].Text);
        Assert.True(figures["inskrivna"].Withheld);
        Assert.Equal("–", figures["tagna-platser"].Text);
        Assert.Equal("0", figures["modul-2"].Text);
        Assert.Equal("9", figures["unga"].Text);
        Assert.Equal("90,0\u00a0%", figures["unga"].Note);
        Assert.Equal("1\u00a0300", figures["arbetslosa"].Text);
        Assert.Equal("\u221235 mot månaden före", figures["arbetslosa"].Note);
        Assert.Equal("Arbetslösa 16–64 år, oktober 2026", figures["arbetslosa"].Label);
    }

    [Fact]
    public void A_chart_draws_no_bar_for_a_withheld_count()
    {
        var modules = SummaryFigures.ParticipantsByModule(WithSuppressedParticipants());
        Assert.Null(modules[0].Value);
        Assert.Equal("–", modules[0].Text);
        Assert.Equal(0L, modules[1].Value);
        Assert.Null(SummaryFigures.ExitsByOutcome(WithSuppressedParticipants()).Single(b => b.Label == "Arbete").Value);
    }

    [Fact]
    public void Free_places_are_withheld_when_the_places_taken_are()
    {
        var summary = WithSuppressedParticipants();
        Assert.True(SummaryFigures.FreePlaces(summary.JobTracks).Withheld);
        summary.JobTracks.PlacesTaken = new() { Value = 6 };
        Assert.Equal("30", SummaryFigures.FreePlaces(summary.JobTracks).Text);
    }

    [Fact]
    public void A_job_track_shows_places_taken_of_places_or_a_dash_when_withheld()
    {
        var agreement = new Agreement { AgreementId = "21-x", JobTracks =
        {
            new JobTrack { Name = "Bussförare", OccupationCode = "8331", OccupationName = "Buss- och spårvagnsförare", Places = 12, PlacesTakenSuppressed = true, Open = true },
            new JobTrack { Name = "Barnskötare", OccupationCode = "5311", OccupationName = "Barnskötare", Places = 12, PlacesTaken = 7, Open = false },
        } };

        var rows = AreaTables.JobTracks(agreement).Rows;

        Assert.Equal("– av 12", rows[0][3].Text);
        Assert.True(rows[0][3].Withheld);
        Assert.Equal("7 av 12", rows[1][3].Text);
        Assert.Equal("Buss- och spårvagnsförare (8331)", rows[0][1].Text);
        Assert.Equal("Ingen (förberedande spår)", rows[0][2].Text);
    }

    [Fact]
    public void A_municipality_row_names_the_agreements_in_force_and_links_to_its_page()
    {
        var summary = WithSuppressedParticipants();
        summary.Agreements.Add(new AgreementCount { Kind = AgreementKind.Newcomers, Status = AgreementStatus.Signed, Count = 1 });
        summary.Agreements.Add(new AgreementCount { Kind = AgreementKind.Youth, Status = AgreementStatus.Draft, Count = 1 });

        var row = AreaTables.Municipalities("Gävleborgs län", [new MunicipalitySummary { MunicipalityCode = "2184", MunicipalityName = "Hudiksvall", Summary = summary }]).Rows.Single();

        Assert.Equal(("Hudiksvall", "/kommun/2184"), (row[0].Text, row[0].Link));
        Assert.Equal("Nyanlända", row[1].Text);
        Assert.Equal("–", row[4].Text);
        Assert.Equal("\u221235", row[8].Text);
    }

    [Fact]
    public void County_months_sum_the_municipalities_that_reported_each_month_newest_first()
    {
        var table = AreaTables.CountyMonths(
        [
            new MonthlyFigures { MunicipalityCode = "2184", Month = "2026-09", Unemployed1664 = 1250 },
            new MonthlyFigures { MunicipalityCode = "2184", Month = "2026-10", Unemployed1664 = 1300 },
            new MonthlyFigures { MunicipalityCode = "2180", Month = "2026-10", Unemployed1664 = 4000 },
        ]);

        Assert.Equal(["oktober 2026", "september 2026"], table.Rows.Select(r => r[0].Text));
        Assert.Equal(("2", "5\u00a0300"), (table.Rows[0][1].Text, table.Rows[0][2].Text));
    }
}
