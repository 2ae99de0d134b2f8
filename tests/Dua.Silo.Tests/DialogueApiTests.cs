using Dua.Contracts.V1;
using Dua.ReferenceData;
using Google.Rpc;
using Grpc.Core;

namespace Dua.Silo.Tests;

/// <summary>
/// dua.v1.DialogueService in process. The silo is shared by the tests of this class, so tests that count or list
/// dialogues use a county of their own.
/// </summary>
public sealed class DialogueApiTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>
{
    private readonly DialogueService.DialogueServiceClient _client = new(silo.Channel);

    private static string[] MunicipalitiesOf(string county) => [.. Geography.Sweden.MunicipalitiesIn(county).Select(m => m.Code)];

    private static ScheduleDialogueRequest Schedule(string county, string date = "2026-05-04", string venue = "Residensstaden")
    {
        var request = new ScheduleDialogueRequest { RequestId = Guid.NewGuid().ToString(), RegionCode = county, Date = date, Venue = venue };
        request.MunicipalityCodes.AddRange(MunicipalitiesOf(county));
        return request;
    }

    private static RecordDialogueOutcomeRequest Outcome(string dialogueId, params string[] codes)
    {
        var request = new RecordDialogueOutcomeRequest { RequestId = Guid.NewGuid().ToString(), DialogueId = dialogueId };
        request.MunicipalityCodes.AddRange(codes);
        return request;
    }

    [Fact]
    public async Task Gavleborg_holds_a_dialogue_in_Gavle_for_its_ten_municipalities_and_records_what_came_of_it()
    {
        var request = Schedule("21", "2026-05-04", "Gävle");
        request.Title = "Regional dialog: unga och nyanlända till arbete";

        var scheduled = (await _client.ScheduleDialogueAsync(request)).Dialogue;

        Assert.Matches("^21-d[0-9]+$", scheduled.DialogueId);
        Assert.Equal(("21", "2026-05-04", "Gävle", "Regional dialog: unga och nyanlända till arbete"),
            (scheduled.RegionCode, scheduled.Date, scheduled.Venue, scheduled.Title));
        Assert.Equal(10, scheduled.InvitedMunicipalityCodes.Count);
        Assert.Contains("2184", scheduled.InvitedMunicipalityCodes);
        Assert.Null(scheduled.Outcome);
        Assert.Equal(scheduled, (await _client.GetDialogueAsync(new GetDialogueRequest { DialogueId = scheduled.DialogueId })).Dialogue);

        var recorded = (await _client.RecordDialogueOutcomeAsync(Outcome(scheduled.DialogueId, "2184", "2180", "2161"))).Dialogue;

        Assert.Equal(["2184", "2180", "2161"], recorded.Outcome.MunicipalityCodes);
        Assert.NotNull(recorded.Outcome.RecordedAt);
        Assert.Equal(scheduled.Version + 1, recorded.Version);
        Assert.Equal(recorded, (await _client.GetDialogueAsync(new GetDialogueRequest { DialogueId = scheduled.DialogueId })).Dialogue);
        var open = await _client.ListDialoguesAsync(new ListDialoguesRequest { RegionCode = "21", OnlyOpen = true });
        Assert.DoesNotContain(open.Dialogues, d => d.DialogueId == scheduled.DialogueId);
        var all = await _client.ListDialoguesAsync(new ListDialoguesRequest { RegionCode = "21" });
        Assert.Contains(all.Dialogues, d => d.DialogueId == scheduled.DialogueId);
    }

    [Fact]
    public async Task Ids_are_numbered_per_county()
    {
        var first = (await _client.ScheduleDialogueAsync(Schedule("03"))).Dialogue;
        var second = (await _client.ScheduleDialogueAsync(Schedule("03"))).Dialogue;

        Assert.Equal(("03-d1", "03-d2"), (first.DialogueId, second.DialogueId));
    }

    [Fact]
    public async Task A_retry_returns_the_same_dialogue_and_other_content_under_its_id_is_refused()
    {
        var request = Schedule("04");
        var first = await _client.ScheduleDialogueAsync(request);

        var retried = await _client.ScheduleDialogueAsync(request);
        Assert.Equal(first, retried);

        var changed = request.Clone();
        changed.Venue = "Eskilstuna";
        await RpcAssert.InvalidFields(async () => await _client.ScheduleDialogueAsync(changed), "request_id");
        Assert.Single((await _client.ListDialoguesAsync(new ListDialoguesRequest { RegionCode = "04" })).Dialogues);

        var outcome = Outcome(first.Dialogue.DialogueId, "0484");
        var recorded = await _client.RecordDialogueOutcomeAsync(outcome);
        Assert.Equal(recorded, await _client.RecordDialogueOutcomeAsync(outcome));
        var otherOutcome = outcome.Clone();
        otherOutcome.MunicipalityCodes.Add("0480");
        await RpcAssert.InvalidFields(async () => await _client.RecordDialogueOutcomeAsync(otherOutcome), "request_id");
    }

    [Fact]
    public async Task No_outcome_before_the_dialogue_is_held()
    {
        var soon = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd");
        var dialogue = (await _client.ScheduleDialogueAsync(Schedule("05", soon))).Dialogue;

        var e = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            async () => await _client.RecordDialogueOutcomeAsync(Outcome(dialogue.DialogueId, "0580")));

        var violation = Assert.Single(e.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal("dialogue-not-held-yet", violation.Subject);
        Assert.Null((await _client.GetDialogueAsync(new GetDialogueRequest { DialogueId = dialogue.DialogueId })).Dialogue.Outcome);
    }

    [Fact]
    public async Task An_outcome_names_only_invited_municipalities()
    {
        var request = Schedule("06");
        request.MunicipalityCodes.Clear();
        request.MunicipalityCodes.Add(["0680", "0683"]);
        var dialogue = (await _client.ScheduleDialogueAsync(request)).Dialogue;

        await RpcAssert.InvalidFields(async () => await _client.RecordDialogueOutcomeAsync(Outcome(dialogue.DialogueId, "0680", "0684")),
            "municipality_codes[1]");
        await RpcAssert.InvalidFields(async () => await _client.RecordDialogueOutcomeAsync(Outcome(dialogue.DialogueId, "0680", "0680", "68")),
            "municipality_codes", "municipality_codes[2]");

        // None started: recorded as an empty outcome, which closes the dialogue.
        var none = (await _client.RecordDialogueOutcomeAsync(Outcome(dialogue.DialogueId))).Dialogue;
        Assert.NotNull(none.Outcome);
        Assert.Empty(none.Outcome.MunicipalityCodes);
    }

    [Fact]
    public async Task Every_bad_field_of_a_schedule_is_named_at_once()
    {
        var request = new ScheduleDialogueRequest { RegionCode = "2", Date = "2026-5-4", Venue = " ", Title = "Dialog\u0007" };
        await RpcAssert.InvalidFields(async () => await _client.ScheduleDialogueAsync(request),
            "request_id", "region_code", "date", "venue", "title", "municipality_codes");

        var invitations = Schedule("21");
        invitations.MunicipalityCodes.Clear();
        invitations.MunicipalityCodes.Add(["2184", "21x4", "9999", "0180", "2184"]);
        await RpcAssert.InvalidFields(async () => await _client.ScheduleDialogueAsync(invitations),
            "municipality_codes[1]", "municipality_codes[2]", "municipality_codes[3]", "municipality_codes");
    }

    [Theory]
    [InlineData("")]
    [InlineData("1999-12-31")]
    [InlineData("2026-02-30")]
    [InlineData("4 maj 2026")]
    public async Task A_bad_date_is_an_invalid_argument(string date) =>
        await RpcAssert.InvalidFields(async () => await _client.ScheduleDialogueAsync(Schedule("21", date)), "date");

    [Fact]
    public async Task Unknown_counties_and_dialogues_are_not_found()
    {
        var schedule = Schedule("21");
        schedule.RegionCode = "99";
        schedule.MunicipalityCodes.Clear();
        schedule.MunicipalityCodes.Add("2184");

        await RpcAssert.FailsWith(StatusCode.NotFound, async () => await _client.ScheduleDialogueAsync(schedule));
        await RpcAssert.FailsWith(StatusCode.NotFound, async () => await _client.ListDialoguesAsync(new ListDialoguesRequest { RegionCode = "99" }));
        await RpcAssert.FailsWith(StatusCode.NotFound, async () => await _client.GetDialogueAsync(new GetDialogueRequest { DialogueId = "21-d999" }));
        await RpcAssert.FailsWith(StatusCode.NotFound, async () => await _client.RecordDialogueOutcomeAsync(Outcome("21-d999")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("21")]
    [InlineData("21-d0")]
    [InlineData("21-1")]
    [InlineData("2-d1")]
    [InlineData("21-d01")]
    public async Task A_malformed_dialogue_id_is_an_invalid_argument(string id)
    {
        await RpcAssert.InvalidFields(async () => await _client.GetDialogueAsync(new GetDialogueRequest { DialogueId = id }), "dialogue_id");
        await RpcAssert.InvalidFields(async () => await _client.RecordDialogueOutcomeAsync(Outcome(id)), "dialogue_id");
    }

    [Fact]
    public async Task A_county_pages_through_its_dialogues_in_id_order()
    {
        for (var i = 0; i < 11; i++)
        {
            await _client.ScheduleDialogueAsync(Schedule("07"));
        }

        await _client.RecordDialogueOutcomeAsync(Outcome("07-d2", "0780"));

        var ids = await AllIdsAsync(new ListDialoguesRequest { RegionCode = "07", PageSize = 4 });
        Assert.Equal(Enumerable.Range(1, 11).Select(n => $"07-d{n}"), ids);

        var open = await AllIdsAsync(new ListDialoguesRequest { RegionCode = "07", PageSize = 5, OnlyOpen = true });
        Assert.Equal(Enumerable.Range(1, 11).Where(n => n != 2).Select(n => $"07-d{n}"), open);

        var defaultPage = await _client.ListDialoguesAsync(new ListDialoguesRequest { RegionCode = "07" });
        Assert.Equal(11, defaultPage.Dialogues.Count);
        Assert.Empty(defaultPage.NextPageToken);
    }

    [Fact]
    public async Task A_page_token_continues_only_its_own_listing()
    {
        await _client.ScheduleDialogueAsync(Schedule("08"));
        await _client.ScheduleDialogueAsync(Schedule("08"));
        var first = await _client.ListDialoguesAsync(new ListDialoguesRequest { RegionCode = "08", PageSize = 1 });
        Assert.NotEmpty(first.NextPageToken);

        await RpcAssert.InvalidFields(async () => await _client.ListDialoguesAsync(
            new ListDialoguesRequest { RegionCode = "08", PageSize = 1, OnlyOpen = true, PageToken = first.NextPageToken }), "page_token");
        await RpcAssert.InvalidFields(async () => await _client.ListDialoguesAsync(
            new ListDialoguesRequest { RegionCode = "21", PageSize = 1, PageToken = first.NextPageToken }), "page_token");
        await RpcAssert.InvalidFields(async () => await _client.ListDialoguesAsync(
            new ListDialoguesRequest { RegionCode = "x", PageSize = 101, PageToken = "junk" }), "region_code", "page_size", "page_token");
    }

    private async Task<List<string>> AllIdsAsync(ListDialoguesRequest request)
    {
        var ids = new List<string>();
        var pages = 0;
        do
        {
            var page = await _client.ListDialoguesAsync(request);
            ids.AddRange(page.Dialogues.Select(d => d.DialogueId));
            Assert.True(page.Dialogues.Count <= request.PageSize);
            request.PageToken = page.NextPageToken;
            pages++;
        }
        while (request.PageToken.Length > 0 && pages < 20);

        return ids;
    }
}
