using System.Collections.Immutable;
using Dua.Domain;
using Dua.Domain.Dialogues;
using Dua.Domain.Requests;
using Dua.ReferenceData;
using static Dua.Grains.Tests.Refusals;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Dialogues;

namespace Dua.Grains.Tests;

/// <summary>
/// Regional dialogue conferences, one grain per county, on one in-process silo. The cluster is shared by the tests
/// of this class, so tests that count or list dialogues use a county of their own.
/// </summary>
public sealed class RegionDialoguesGrainTests(MemoryClusterFixture fixture) : IClassFixture<MemoryClusterFixture>
{
    private static readonly DateOnly HeldOn = new(2026, 5, 4);

    private static ImmutableArray<string> MunicipalitiesOf(string county) => [.. Geography.Sweden.MunicipalitiesIn(county).Select(m => m.Code)];

    private static DateOnly NotYet => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);

    [Fact]
    public async Task Gavleborg_schedules_a_dialogue_in_Gavle_for_its_ten_municipalities_and_reads_it_back()
    {
        var invited = MunicipalitiesOf("21");
        var plan = new DialoguePlan(HeldOn, "Gävle", "Regional dialog om lokala överenskommelser", invited);

        var dialogue = await Dialogues("21").ScheduleAsync(NewRequest(), plan);

        Assert.Equal(10, invited.Length);
        Assert.Matches("^21-d[0-9]+$", dialogue.Id);
        Assert.Equal("21", dialogue.RegionCode);
        Assert.Equal((HeldOn, "Gävle", "Regional dialog om lokala överenskommelser"), (dialogue.Plan.Date, dialogue.Plan.Venue, dialogue.Plan.Title));
        Assert.Equal<string>(invited, dialogue.Plan.InvitedMunicipalityCodes);
        Assert.True(dialogue.IsOpen);
        Assert.Equal(1, dialogue.Version);
        Assert.Equal(Summary(dialogue), Summary(await Dialogues("21").GetAsync(dialogue.Id)));
    }

    [Fact]
    public async Task Dialogues_are_numbered_per_county_in_order_of_scheduling()
    {
        var first = await Dialogues("03").ScheduleAsync(NewRequest(), Plan("03"));
        var second = await Dialogues("03").ScheduleAsync(NewRequest(), Plan("03"));
        var elsewhere = await Dialogues("04").ScheduleAsync(NewRequest(), Plan("04"));

        Assert.Equal(("03-d1", "03-d2", "04-d1"), (first.Id, second.Id, elsewhere.Id));
    }

    [Fact]
    public async Task A_retried_schedule_returns_the_same_dialogue_and_schedules_nothing_twice()
    {
        var request = NewRequest();
        var first = await Dialogues("05").ScheduleAsync(request, Plan("05"));

        var retried = await Dialogues("05").ScheduleAsync(request, Plan("05"));

        Assert.Equal(Summary(first), Summary(retried));
        Assert.Single(await Dialogues("05").ListAsync(new DialogueQuery(false, 0, 50)));
    }

    [Fact]
    public async Task A_request_id_used_for_another_dialogue_is_refused()
    {
        var request = NewRequest("first");
        await Dialogues("06").ScheduleAsync(request, Plan("06"));

        await RefusedAsync(() => Dialogues("06").ScheduleAsync(request with { Fingerprint = "second" }, Plan("06") with { Venue = "Jönköping" }),
            DomainRuleKind.InvalidValue, "requestId");
        Assert.Single(await Dialogues("06").ListAsync(new DialogueQuery(false, 0, 50)));
    }

    [Fact]
    public async Task Invitations_go_to_distinct_municipalities_of_the_county()
    {
        await RefusedAsync(() => Dialogues("07").ScheduleAsync(NewRequest(), new DialoguePlan(HeldOn, "Växjö", "", ["0780", "2184"])),
            DomainRuleKind.InvalidValue, $"{DialogueRules.InvitedMunicipalities}[1]");
        await RefusedAsync(() => Dialogues("07").ScheduleAsync(NewRequest(), new DialoguePlan(HeldOn, "Växjö", "", ["0780", "0780"])),
            DomainRuleKind.InvalidValue, DialogueRules.InvitedMunicipalities);
        await RefusedAsync(() => Dialogues("07").ScheduleAsync(NewRequest(), new DialoguePlan(HeldOn, "Växjö", "", [])),
            DomainRuleKind.InvalidValue, DialogueRules.InvitedMunicipalities);

        // A refused request uses no number.
        Assert.Equal("07-d1", (await Dialogues("07").ScheduleAsync(NewRequest(), Plan("07"))).Id);
    }

    [Fact]
    public async Task The_outcome_of_a_held_dialogue_is_recorded_and_can_be_corrected()
    {
        var dialogue = await Dialogues("08").ScheduleAsync(NewRequest(), Plan("08"));

        var recorded = await Dialogues("08").RecordOutcomeAsync(NewRequest(), dialogue.Id, ["0880", "0881"]);
        var corrected = await Dialogues("08").RecordOutcomeAsync(NewRequest(), dialogue.Id, ["0880", "0881", "0882"]);

        Assert.False(recorded.IsOpen);
        Assert.Equal<string>(["0880", "0881"], recorded.Outcome!.MunicipalityCodes);
        Assert.Equal(2, recorded.Version);
        Assert.Equal<string>(["0880", "0881", "0882"], corrected.Outcome!.MunicipalityCodes);
        Assert.Equal(3, corrected.Version);
        Assert.Equal(Summary(corrected), Summary(await Dialogues("08").GetAsync(dialogue.Id)));
    }

    [Fact]
    public async Task A_retried_outcome_applies_nothing_twice()
    {
        var dialogue = await Dialogues("10").ScheduleAsync(NewRequest(), Plan("10"));
        var request = NewRequest();

        var first = await Dialogues("10").RecordOutcomeAsync(request, dialogue.Id, ["1080"]);
        var retried = await Dialogues("10").RecordOutcomeAsync(request, dialogue.Id, ["1080"]);

        Assert.Equal(Summary(first), Summary(retried));
        Assert.Equal(2, (await Dialogues("10").GetAsync(dialogue.Id))!.Version);
    }

    [Fact]
    public async Task An_outcome_may_name_only_invited_municipalities()
    {
        var dialogue = await Dialogues("12").ScheduleAsync(NewRequest(), new DialoguePlan(HeldOn, "Malmö", "", ["1280", "1281"]));

        await RefusedAsync(() => Dialogues("12").RecordOutcomeAsync(NewRequest(), dialogue.Id, ["1280", "1282"]),
            DomainRuleKind.InvalidValue, $"{DialogueRules.OutcomeMunicipalities}[1]");
        Assert.True((await Dialogues("12").GetAsync(dialogue.Id))!.IsOpen);
    }

    [Fact]
    public async Task No_outcome_before_the_dialogue_is_held()
    {
        var dialogue = await Dialogues("13").ScheduleAsync(NewRequest(), Plan("13") with { Date = NotYet });

        await RefusedAsync(() => Dialogues("13").RecordOutcomeAsync(NewRequest(), dialogue.Id, []),
            DomainRuleKind.Precondition, "dialogue-not-held-yet");
        Assert.True((await Dialogues("13").GetAsync(dialogue.Id))!.IsOpen);
    }

    [Fact]
    public async Task Lists_go_in_number_order_past_d9_and_can_show_only_open_dialogues()
    {
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add((await Dialogues("14").ScheduleAsync(NewRequest(), Plan("14"))).Id);
        }

        await Dialogues("14").RecordOutcomeAsync(NewRequest(), "14-d2", []);

        var page = await Dialogues("14").ListAsync(new DialogueQuery(false, 8, 3));
        Assert.Equal(["14-d9", "14-d10", "14-d11"], page.Select(d => d.Id));
        var open = await Dialogues("14").ListAsync(new DialogueQuery(true, 0, 3));
        Assert.Equal(["14-d1", "14-d3", "14-d4"], open.Select(d => d.Id));
        Assert.Equal(ids, (await Dialogues("14").ListAsync(new DialogueQuery(false, 0, 50))).Select(d => d.Id));
    }

    [Fact]
    public async Task Unknown_dialogues_and_counties_are_not_found()
    {
        Assert.Null(await Dialogues("17").GetAsync("17-d99"));
        Assert.Null(await Dialogues("17").GetAsync("18-d1"));
        await RefusedAsync(() => Dialogues("17").RecordOutcomeAsync(NewRequest(), "17-d99", []), DomainRuleKind.NotFound, DialogueRules.Dialogue);
        await RefusedAsync(() => Dialogues("99").ScheduleAsync(NewRequest(), Plan("21")), DomainRuleKind.NotFound, KnownAreas.County);
        await RefusedAsync(() => Dialogues("99").ListAsync(new DialogueQuery(false, 0, 50)), DomainRuleKind.NotFound, KnownAreas.County);
    }

    /// <summary>A dialogue's content as comparable text: its arrays compare by reference once serialized.</summary>
    private static string Summary(DialogueSnapshot? d) => d is null ? "none" :
        $"{d.Id} v{d.Version} {d.Plan.Date:yyyy-MM-dd} {d.Plan.Venue}|{d.Plan.Title}|{string.Join(",", d.Plan.InvitedMunicipalityCodes)}" +
        $"|{(d.Outcome is { } o ? string.Join(",", o.MunicipalityCodes) + "@" + o.RecordedAt.ToString("O") : "open")}|{d.CreatedAt:O}|{d.UpdatedAt:O}";

    private static DialoguePlan Plan(string county) => new(HeldOn, "Residensstaden", "", MunicipalitiesOf(county));

    private IRegionDialoguesGrain Dialogues(string regionCode) =>
        fixture.Grains.GetGrain<IRegionDialoguesGrain>(GrainKeys.RegionDialogues(regionCode));

    private static RequestKey NewRequest(string fingerprint = "content") => new($"req-{Guid.NewGuid():N}", fingerprint);
}
