using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using Dua.Contracts.V1;
using Dua.Grains;
using Dua.ReferenceData;
using Google.Protobuf;
using Grpc.Core;
using Xunit.Abstractions;
using Dua.Grains.Abstractions;

namespace Dua.Silo.Tests;

/// <summary>
/// Random sequences of scheduled dialogues, recorded outcomes, reads, listings and retried requests, mostly valid
/// with some fields spoiled: every answer is the one a small model of the rules predicts (OK, or INVALID_ARGUMENT,
/// NOT_FOUND or FAILED_PRECONDITION, never anything else), a refused request changes nothing, a retry returns the
/// dialogue as it stands, and every dialogue keeps its invariants.
/// </summary>
public sealed partial class DialoguePropertyTests(InMemorySiloFactory silo, ITestOutputHelper output) : IClassFixture<InMemorySiloFactory>
{
    private const int Iterations = 200;
    private const int Valid = 30;

    /// <summary>Stands for a fresh request id, made when the request is sent, so retries across samples stay apart.</summary>
    private const string FreshId = "<fresh>";

    private static readonly StatusCode[] PromisedRefusals = [StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition];

    private static readonly DateOnly Today = SwedishCalendar.Today();

    private static readonly string[] Counties = ["21", "04", "03"];

    private readonly DialogueService.DialogueServiceClient _client = new(silo.Channel);

    /// <summary>Every fresh request id made so far: the silo has only seen these in requests this test sent.</summary>
    private readonly HashSet<string> _freshIds = [];

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex RequestIdPattern();

    [GeneratedRegex("^[0-9]{2}$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex MunicipalityPattern();

    [GeneratedRegex("^([0-9]{2})-d([1-9][0-9]{0,5})$")]
    private static partial Regex DialogueIdPattern();

    private abstract record Op;

    private sealed record ScheduleOp(ScheduleDialogueRequest Request) : Op;

    /// <summary>
    /// Target picks one of the sample's dialogues, or (with none, or at 20) the op's own id. Picks choose among the
    /// invited; Spoil 0 leaves them so, 1 adds an uninvited municipality of the county, 2 one of another county,
    /// 3 repeats one, 4 adds junk, 5 sends too many.
    /// </summary>
    private sealed record RecordOp(string RequestId, int Target, string OwnId, int[] Picks, int Spoil, string Junk) : Op;

    private sealed record GetOp(int Target, string OwnId) : Op;

    /// <summary>Reuse below 0 sends the op's own page_token; otherwise a token issued in the sample, with its filter when even.</summary>
    private sealed record ListOp(ListDialoguesRequest Request, int Reuse) : Op;

    /// <summary>Sends an earlier write of the sample again, as it was or with other content under the same id.</summary>
    private sealed record RetryOp(int Earlier, bool Altered) : Op;

    /// <summary>What one sample has learnt: the dialogues it saw, its writes, the ids the silo applied, the tokens it got.</summary>
    private sealed class Sample
    {
        public Dictionary<string, Dialogue> Dialogues { get; } = [];
        public List<IMessage> Sent { get; } = [];

        /// <summary>Applied request ids per county (the grain's ledger): the request and the dialogue it made or changed.</summary>
        public Dictionary<(string County, string RequestId), (IMessage Request, string DialogueId)> Applied { get; } = [];

        public List<(string Token, ListDialoguesRequest Request, int LastNumber)> Tokens { get; } = [];
    }

    private static Gen<T> Mostly<T>(Gen<T> valid, Gen<T> junk) => Gen.Frequency((Valid, (IGen<T>)valid), (1, junk));

    private static readonly Gen<string> AnyText = Gen.Frequency(
        (3, (IGen<string>)Gen.Char["abcåäöXYZ 0123-_.:/\0\n\t\u0007\u001b\u200b\u00a0\u0085é٢２"].Array[0, 20].Select(cs => new string(cs))),
        (1, Gen.Const("")),
        (1, Gen.Const("   ")),
        (1, Gen.Char['a', 'z'].Array[190, 260].Select(cs => new string(cs))),
        (1, Gen.Char['\u0000', '\u00ff'].Array[0, 40].Select(cs => new string(cs))));

    private static readonly Gen<string> RequestId = Gen.Frequency(
        (Valid, (IGen<string>)Gen.Const(FreshId)),
        (1, Gen.OneOf("a", "retry-1", "b")),
        (1, AnyText));

    private static readonly Gen<string> Region = Gen.Frequency(
        (Valid, (IGen<string>)Gen.OneOf(Counties)),
        (2, Gen.OneOf("00", "99", "02")),
        (1, Gen.OneOf("1", "021", "2l", " 21", "２１", "")),
        (1, AnyText));

    private static readonly Gen<string> Date = Gen.Frequency(
        (Valid, (IGen<string>)Gen.Int[-500, -1].Select(d => Iso(Today.AddDays(d)))),
        (Valid / 4, Gen.Const(Iso(Today))),
        (Valid / 3, Gen.Int[1, 500].Select(d => Iso(Today.AddDays(d)))),
        (1, Gen.OneOf("2000-01-01", "2100-12-31")),
        (2, Gen.OneOf("2026-02-29", "2026-13-01", "2026-04-31", "1999-12-31", "2101-01-01", "2026-1-1", "2026-01-01T10:00", "")),
        (1, AnyText));

    private static readonly Gen<string> Venue = Mostly(Gen.OneOf("Gävle", "Residensstaden", "  Hudiksvall ", "Stadshuset, sal 2"), AnyText);

    private static readonly Gen<string> Title = Gen.Frequency(
        (Valid, (IGen<string>)Gen.OneOf("", "Regional dialog: unga och nyanlända till arbete")),
        (2, AnyText));

    private static readonly Gen<string> JunkMunicipality = Gen.Frequency(
        (2, (IGen<string>)Gen.OneOf("0000", "9999", "218", "21840", "２１８４", "")),
        (1, AnyText));

    /// <summary>Invitations for a county (Gävleborg's for a county that is not one of ours), sometimes spoiled.</summary>
    private static Gen<string[]> Invitations(string region)
    {
        var own = MunicipalitiesOf(Counties.Contains(region) ? region : "21");
        var other = region == "21" ? "0484" : "2184";
        return Mostly(
            Gen.Shuffle(own, 1, Math.Min(own.Length, 5)),
            Gen.Frequency(
                (1, (IGen<string[]>)Gen.Shuffle(own, 1, 3).Select(cs => cs.Append(other).ToArray())),
                (1, Gen.Shuffle(own, 1, 3).Select(cs => cs.Append(cs[0]).ToArray())),
                (1, Gen.Const(Array.Empty<string>())),
                (1, Gen.Shuffle(own, 0, 2).SelectMany(cs => JunkMunicipality.Select(j => cs.Append(j).ToArray()))),
                (1, Gen.Const(Enumerable.Repeat(own, 6).SelectMany(c => c).Take(51).ToArray()))));
    }

    private static readonly Gen<ScheduleDialogueRequest> Schedules = Region.SelectMany(region =>
        Gen.Select(RequestId, Date, Venue, Title, Invitations(region), (requestId, date, venue, title, codes) => new ScheduleDialogueRequest
        {
            RequestId = requestId,
            RegionCode = region,
            Date = date,
            Venue = venue,
            Title = title,
            MunicipalityCodes = { codes },
        }));

    private static readonly Gen<string> OwnId = Gen.Frequency(
        (2, (IGen<string>)Gen.OneOf("21-d999999", "04-d999998", "00-d1", "99-d3")),
        (2, Gen.OneOf("21-d0", "21-d01", "21-d1000000", "21-x1", "21d1", "2-d1", " 21-d1", "")),
        (1, AnyText));

    private static readonly Gen<Op> Ops = Gen.Frequency(
        (4, (IGen<Op>)Schedules.Select(r => (Op)new ScheduleOp(r))),
        (4, Gen.Select(RequestId, Gen.Frequency((10, (IGen<int>)Gen.Int[0, 19]), (1, Gen.Const(20))), OwnId, Gen.Int[0, 99].Array[0, 4],
            Gen.Frequency((6, (IGen<int>)Gen.Const(0)), (1, Gen.Int[1, 5])), JunkMunicipality,
            (requestId, target, ownId, picks, spoil, junk) => (Op)new RecordOp(requestId, target, ownId, picks, spoil, junk))),
        (2, Gen.Select(Gen.Frequency((4, (IGen<int>)Gen.Int[0, 19]), (1, Gen.Const(20))), OwnId, (target, ownId) => (Op)new GetOp(target, ownId))),
        (2, Gen.Select(Region, Gen.Bool, Mostly(Gen.Int[0, 4], Gen.OneOf(-1, 101, int.MinValue, int.MaxValue, 100)),
            Gen.Frequency((4, (IGen<string>)Gen.Const("")), (1, AnyText)), Gen.Frequency((3, (IGen<int>)Gen.Const(-1)), (2, Gen.Int[0, 9])),
            (region, onlyOpen, pageSize, token, reuse) => (Op)new ListOp(
                new ListDialoguesRequest { RegionCode = region, OnlyOpen = onlyOpen, PageSize = pageSize, PageToken = token }, reuse))),
        (2, Gen.Select(Gen.Int[0, 20], Gen.Bool, (earlier, altered) => (Op)new RetryOp(earlier, altered))));

    [Fact]
    public async Task Random_dialogue_requests_get_the_predicted_answers_and_dialogues_keep_their_invariants()
    {
        var outcomes = new Dictionary<string, int>();
        await Ops.Array[1, 12].SampleAsync(async ops => await RunAsync(ops, outcomes), iter: Iterations, threads: 1);
        output.WriteLine(Describe(outcomes));

        // The generators must reach both sides of every rule, or the property says little.
        Assert.True(outcomes.GetValueOrDefault("ScheduleOp:OK") > 50, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("ScheduleOp:InvalidArgument") > 20, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("ScheduleOp:NotFound") > 0, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("RecordOp:OK") > 30, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("RecordOp:corrected") > 0, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("RecordOp:InvalidArgument") > 10, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("RecordOp:NotFound") > 5, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("RecordOp:FailedPrecondition") > 5, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("RetryOp:OK") > 5, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("RetryOp:InvalidArgument") > 5, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("GetOp:OK") > 10, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("GetOp:NotFound") > 0, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("ListOp:OK") > 10, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("ListOp:InvalidArgument") > 5, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("ListOp:paged") > 0, Describe(outcomes));
    }

    private async Task RunAsync(Op[] ops, Dictionary<string, int> outcomes)
    {
        var sample = new Sample();
        foreach (var op in ops)
        {
            switch (op)
            {
                case ScheduleOp s:
                    var schedule = s.Request.Clone();
                    schedule.RequestId = Fresh(schedule.RequestId);
                    await ScheduleAsync(op, schedule, sample, outcomes);
                    sample.Sent.Add(schedule);
                    break;
                case RecordOp r:
                    var record = Prepare(r, sample);
                    await RecordAsync(op, record, sample, outcomes);
                    sample.Sent.Add(record);
                    break;
                case RetryOp r when sample.Sent.Count > 0:
                    switch (sample.Sent[r.Earlier % sample.Sent.Count])
                    {
                        case ScheduleDialogueRequest earlier:
                            var again = earlier.Clone();
                            if (r.Altered)
                            {
                                again.Venue += " Syd";
                            }

                            await ScheduleAsync(op, again, sample, outcomes);
                            break;
                        case RecordDialogueOutcomeRequest earlier:
                            var retry = earlier.Clone();
                            if (r.Altered)
                            {
                                if (retry.MunicipalityCodes.Count > 0)
                                {
                                    retry.MunicipalityCodes.RemoveAt(retry.MunicipalityCodes.Count - 1);
                                }
                                else
                                {
                                    retry.MunicipalityCodes.Add("2184");
                                }
                            }

                            await RecordAsync(op, retry, sample, outcomes);
                            break;
                    }

                    break;
                case GetOp g:
                    await GetAsync(Pick(g.Target, g.OwnId, sample), sample, outcomes);
                    break;
                case ListOp l:
                    await ListAsync(l, sample, outcomes);
                    break;
            }

            // Everything the sample has seen stored is still stored as it was, and keeps its invariants.
            foreach (var (id, dialogue) in sample.Dialogues)
            {
                Assert.Equal(dialogue, await TryGetAsync(id));
                AssertInvariants(dialogue);
            }
        }
    }

    private string Fresh(string requestId)
    {
        if (requestId != FreshId)
        {
            return requestId;
        }

        var id = Guid.NewGuid().ToString();
        _freshIds.Add(id);
        return id;
    }

    private static string Pick(int target, string ownId, Sample sample) =>
        sample.Dialogues.Count > 0 && target < 20 ? sample.Dialogues.Keys.ElementAt(target % sample.Dialogues.Count) : ownId;

    private RecordDialogueOutcomeRequest Prepare(RecordOp op, Sample sample)
    {
        var id = Pick(op.Target, op.OwnId, sample);
        var invited = sample.Dialogues.TryGetValue(id, out var dialogue) ? [.. dialogue.InvitedMunicipalityCodes] : MunicipalitiesOf("21");
        var county = Geography.Sweden.FindMunicipality(invited[0])!.CountyCode;
        var codes = op.Picks.Select(p => invited[p % invited.Length]).Distinct().ToList();
        switch (op.Spoil)
        {
            case 1:
                codes.AddRange(MunicipalitiesOf(county).Where(c => !invited.Contains(c)).Take(1));
                break;
            case 2:
                codes.Add(county == "21" ? "0484" : "2184");
                break;
            case 3:
                codes.Add(invited[0]);
                codes.Add(invited[0]);
                break;
            case 4:
                codes.Add(op.Junk);
                break;
            case 5:
                codes.AddRange(Enumerable.Range(0, 51).Select(i => invited[i % invited.Length]));
                break;
        }

        return new RecordDialogueOutcomeRequest { RequestId = Fresh(op.RequestId), DialogueId = id, MunicipalityCodes = { codes } };
    }

    private async Task ScheduleAsync(Op op, ScheduleDialogueRequest request, Sample sample, Dictionary<string, int> outcomes)
    {
        var (status, answer) = await SendAsync(request, async () => (await _client.ScheduleDialogueAsync(request)).Dialogue);
        Count(outcomes, $"{op.GetType().Name}:{status}");

        var applied = sample.Applied.GetValueOrDefault((request.RegionCode, request.RequestId));
        var expected = ExpectSchedule(request, applied.Request);
        var isNew = applied.Request is null && _freshIds.Contains(request.RequestId);
        if (status != StatusCode.OK)
        {
            // An id the silo may know from an earlier sample may be refused as reused.
            var allowed = expected ?? (isNew || applied.Request is not null ? StatusCode.OK : StatusCode.InvalidArgument);
            Assert.True(allowed == status, $"{request} answered {status}, expected {allowed}");
            return;
        }

        Assert.True(expected is null, $"{request} answered OK, expected {expected}");
        AssertInvariants(answer!);
        Assert.Equal(answer, await TryGetAsync(answer!.DialogueId));
        if (applied.Request is not null)
        {
            // A retry schedules nothing: it returns the dialogue the first request made, as it stands.
            Assert.Equal(applied.DialogueId, answer.DialogueId);
            Assert.Equal(sample.Dialogues[answer.DialogueId], answer);
        }
        else if (isNew)
        {
            Assert.Equal(request.RegionCode, answer.RegionCode);
            var number = NumberOf(answer.DialogueId);
            Assert.True(sample.Dialogues.Keys.Where(id => id.StartsWith(request.RegionCode + "-", StringComparison.Ordinal)).All(id => NumberOf(id) < number),
                $"{answer.DialogueId} is not numbered after the county's earlier dialogues");
            Assert.Equal((request.Date, request.Venue.Trim(), request.Title.Trim()), (answer.Date, answer.Venue, answer.Title));
            Assert.Equal(request.MunicipalityCodes, answer.InvitedMunicipalityCodes);
            Assert.Null(answer.Outcome);
            Assert.Equal(1, answer.Version);
        }

        if (!isNew && applied.Request is null && !sample.Dialogues.ContainsKey(answer.DialogueId))
        {
            // A replay of an earlier sample's request: the dialogue is that sample's, and not numbered in this one.
            return;
        }

        sample.Applied[(request.RegionCode, request.RequestId)] = (request, answer.DialogueId);
        sample.Dialogues[answer.DialogueId] = answer;
    }

    /// <summary>The refusal the rules call for, null for OK; <paramref name="applied"/> is the earlier request the silo applied under this id.</summary>
    private static StatusCode? ExpectSchedule(ScheduleDialogueRequest r, IMessage? applied)
    {
        var county = RegionPattern().IsMatch(r.RegionCode) ? Geography.Sweden.FindCounty(r.RegionCode) : null;
        var codesValid = r.MunicipalityCodes.Count is >= 1 and <= 50
            && r.MunicipalityCodes.Distinct(StringComparer.Ordinal).Count() == r.MunicipalityCodes.Count
            && r.MunicipalityCodes.All(c => MunicipalityPattern().IsMatch(c)
                && Geography.Sweden.FindMunicipality(c) is { } m && (county is null || m.CountyCode == county.Code));
        if (!RequestIdPattern().IsMatch(r.RequestId) || !RegionPattern().IsMatch(r.RegionCode) || !TryParseDate(r.Date, out _)
            || string.IsNullOrWhiteSpace(r.Venue) || !IsName(r.Venue) || !IsName(r.Title) || !codesValid)
        {
            return StatusCode.InvalidArgument;
        }

        if (county is null)
        {
            return StatusCode.NotFound;
        }

        return applied is null || SameContent(applied, r) ? null : StatusCode.InvalidArgument;
    }

    private async Task RecordAsync(Op op, RecordDialogueOutcomeRequest request, Sample sample, Dictionary<string, int> outcomes)
    {
        var tracked = sample.Dialogues.GetValueOrDefault(request.DialogueId);
        var before = tracked ?? (DialogueIdPattern().IsMatch(request.DialogueId) ? await TryGetAsync(request.DialogueId) : null);
        var (status, answer) = await SendAsync(request, async () => (await _client.RecordDialogueOutcomeAsync(request)).Dialogue);
        var after = DialogueIdPattern().IsMatch(request.DialogueId) ? await TryGetAsync(request.DialogueId) : null;
        Count(outcomes, $"{op.GetType().Name}:{status}");

        var county = request.DialogueId.Length >= 2 ? request.DialogueId[..2] : "";
        var applied = sample.Applied.GetValueOrDefault((county, request.RequestId));
        var expected = ExpectRecord(request, before, applied.Request);
        var isNew = applied.Request is null && _freshIds.Contains(request.RequestId);
        if (status != StatusCode.OK)
        {
            // An id the silo may know from an earlier sample may be refused as reused, unless refused before that check.
            var unsure = !isNew && applied.Request is null && expected != StatusCode.NotFound;
            Assert.True(status == expected || (unsure && status == StatusCode.InvalidArgument), $"{request} answered {status}, expected {expected?.ToString() ?? "OK"}");
            Assert.Equal(before, after);
            return;
        }

        Assert.True(expected is null, $"{request} answered OK, expected {expected}");
        AssertInvariants(answer!);
        Assert.Equal(answer, after);
        if (applied.Request is not null)
        {
            // A retry applies nothing: it returns the dialogue as it stands (the first answer, unless corrected since).
            Assert.Equal(before, answer);
        }
        else if (isNew || !answer!.Equals(before))
        {
            Assert.Equal(request.MunicipalityCodes, answer!.Outcome.MunicipalityCodes);
            var unchanged = before!.Outcome is { } outcome && outcome.MunicipalityCodes.SequenceEqual(request.MunicipalityCodes);
            Assert.Equal(unchanged ? before.Version : before.Version + 1, answer.Version);
            Assert.Equal((before.DialogueId, before.Date, before.Venue, before.Title, before.CreatedAt), (answer.DialogueId, answer.Date, answer.Venue, answer.Title, answer.CreatedAt));
            Assert.Equal(before.InvitedMunicipalityCodes, answer.InvitedMunicipalityCodes);
            if (unchanged)
            {
                Assert.Equal(before, answer);
            }
            else if (before.Outcome is not null)
            {
                Count(outcomes, $"{op.GetType().Name}:corrected");
            }
        }

        sample.Applied[(county, request.RequestId)] = (request, answer!.DialogueId);
        sample.Dialogues[answer.DialogueId] = answer;
    }

    /// <summary>
    /// The refusal the rules call for, null for OK. <paramref name="dialogue"/> is the target as stored before; for
    /// an id this sample never saw that is not one of the unused ones, the dialogue may exist from an earlier sample.
    /// </summary>
    private static StatusCode? ExpectRecord(RecordDialogueOutcomeRequest r, Dialogue? dialogue, IMessage? applied)
    {
        if (!RequestIdPattern().IsMatch(r.RequestId) || !DialogueIdPattern().IsMatch(r.DialogueId)
            || r.MunicipalityCodes.Count > 50
            || !r.MunicipalityCodes.All(c => MunicipalityPattern().IsMatch(c))
            || r.MunicipalityCodes.Distinct(StringComparer.Ordinal).Count() != r.MunicipalityCodes.Count)
        {
            return StatusCode.InvalidArgument;
        }

        if (Geography.Sweden.FindCounty(r.DialogueId[..2]) is null || dialogue is null)
        {
            return StatusCode.NotFound;
        }

        if (applied is not null)
        {
            return SameContent(applied, r) ? null : StatusCode.InvalidArgument;
        }

        if (!r.MunicipalityCodes.All(dialogue.InvitedMunicipalityCodes.Contains))
        {
            return StatusCode.InvalidArgument;
        }

        return TryParseDate(dialogue.Date, out var date) && date > Today ? StatusCode.FailedPrecondition : null;
    }

    private async Task GetAsync(string dialogueId, Sample sample, Dictionary<string, int> outcomes)
    {
        var (status, answer) = await SendAsync(new GetDialogueRequest { DialogueId = dialogueId },
            async () => (await _client.GetDialogueAsync(new GetDialogueRequest { DialogueId = dialogueId })).Dialogue);
        Count(outcomes, $"GetOp:{status}");
        if (!DialogueIdPattern().IsMatch(dialogueId))
        {
            Assert.Equal(StatusCode.InvalidArgument, status);
        }
        else if (sample.Dialogues.TryGetValue(dialogueId, out var known))
        {
            Assert.Equal(known, answer);
        }
        else if (Geography.Sweden.FindCounty(dialogueId[..2]) is null || NumberOf(dialogueId) > 900_000)
        {
            Assert.Equal(StatusCode.NotFound, status);
        }
        else if (status == StatusCode.OK)
        {
            Assert.Equal(dialogueId, answer!.DialogueId);
            AssertInvariants(answer);
        }
        else
        {
            Assert.Equal(StatusCode.NotFound, status);
        }
    }

    private async Task ListAsync(ListOp op, Sample sample, Dictionary<string, int> outcomes)
    {
        var request = op.Request.Clone();
        var issued = op.Reuse >= 0 && sample.Tokens.Count > 0 ? sample.Tokens[op.Reuse % sample.Tokens.Count] : default;
        if (issued.Token is not null)
        {
            request.PageToken = issued.Token;
            if (op.Reuse % 2 == 0)
            {
                (request.RegionCode, request.OnlyOpen) = (issued.Request.RegionCode, issued.Request.OnlyOpen);
            }
        }

        var (status, answer) = await SendAsync(request, async () => await _client.ListDialoguesAsync(request));
        Count(outcomes, $"ListOp:{status}");
        if (!RegionPattern().IsMatch(request.RegionCode) || request.PageSize is < 0 or > 100
            || (request.PageToken.Length > 0 && (issued.Token is null || FilterOf(issued.Request) != FilterOf(request))))
        {
            Assert.Equal(StatusCode.InvalidArgument, status);
            return;
        }

        if (Geography.Sweden.FindCounty(request.RegionCode) is null)
        {
            Assert.Equal(StatusCode.NotFound, status);
            return;
        }

        Assert.Equal(StatusCode.OK, status);
        var pageSize = request.PageSize == 0 ? 50 : request.PageSize;
        Assert.InRange(answer!.Dialogues.Count, 0, pageSize);
        var numbers = answer.Dialogues.Select(d => NumberOf(d.DialogueId)).ToArray();
        Assert.Equal(numbers.Order().Distinct(), numbers);
        foreach (var dialogue in answer.Dialogues)
        {
            AssertInvariants(dialogue);
            Assert.Equal(request.RegionCode, dialogue.RegionCode);
            Assert.True(!request.OnlyOpen || dialogue.Outcome is null, $"{dialogue.DialogueId} has an outcome but was listed as open");
            Assert.True(issued.Token is null || NumberOf(dialogue.DialogueId) > issued.LastNumber, $"{dialogue.DialogueId} not after the page that ended at d{issued.LastNumber}");
            if (sample.Dialogues.TryGetValue(dialogue.DialogueId, out var known))
            {
                Assert.Equal(known, dialogue);
            }
        }

        if (answer.NextPageToken.Length > 0)
        {
            Assert.Equal(pageSize, answer.Dialogues.Count);
            sample.Tokens.Add((answer.NextPageToken, request, numbers[^1]));
            Count(outcomes, "ListOp:paged");
        }
    }

    private static string FilterOf(ListDialoguesRequest r) => $"{r.RegionCode}/{r.OnlyOpen}";

    private static async Task<(StatusCode Status, T? Answer)> SendAsync<T>(IMessage request, Func<Task<T>> call)
        where T : class
    {
        try
        {
            return (StatusCode.OK, await call());
        }
        catch (RpcException e)
        {
            Assert.True(PromisedRefusals.Contains(e.StatusCode), $"{request.Descriptor.Name} {request} answered {e.StatusCode}: {e.Status.Detail}");
            return (e.StatusCode, null);
        }
    }

    private async Task<Dialogue?> TryGetAsync(string dialogueId)
    {
        try
        {
            return (await _client.GetDialogueAsync(new GetDialogueRequest { DialogueId = dialogueId })).Dialogue;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    private static void AssertInvariants(Dialogue d)
    {
        Assert.True(DialogueIdPattern().Match(d.DialogueId) is { Success: true } id && id.Groups[1].Value == d.RegionCode, $"id {d.DialogueId} in {d.RegionCode}");
        Assert.NotNull(Geography.Sweden.FindCounty(d.RegionCode));
        Assert.True(TryParseDate(d.Date, out var date), $"date {d.Date}");
        Assert.False(string.IsNullOrWhiteSpace(d.Venue));
        Assert.True(IsName(d.Venue) && d.Venue == d.Venue.Trim(), $"venue '{d.Venue}'");
        Assert.True(IsName(d.Title) && d.Title == d.Title.Trim(), $"title '{d.Title}'");
        Assert.NotEmpty(d.InvitedMunicipalityCodes);
        Assert.Equal(d.InvitedMunicipalityCodes.Count, d.InvitedMunicipalityCodes.Distinct().Count());
        Assert.All(d.InvitedMunicipalityCodes, c => Assert.Equal(d.RegionCode, Geography.Sweden.FindMunicipality(c)?.CountyCode));
        Assert.True(d.Version >= 1, $"version {d.Version}");
        Assert.NotNull(d.CreatedAt);
        Assert.True(d.CreatedAt <= d.UpdatedAt, $"created {d.CreatedAt} after updated {d.UpdatedAt}");
        if (d.Outcome is { } outcome)
        {
            Assert.All(outcome.MunicipalityCodes, c => Assert.Contains(c, d.InvitedMunicipalityCodes));
            Assert.Equal(outcome.MunicipalityCodes.Count, outcome.MunicipalityCodes.Distinct().Count());
            Assert.True(date <= Today, $"outcome recorded for {d.DialogueId}, to be held on {d.Date}");
            Assert.True(d.Version >= 2, $"version {d.Version} with an outcome");
            Assert.NotNull(outcome.RecordedAt);
        }
        else
        {
            Assert.Equal(1, d.Version);
        }
    }

    private static bool SameContent(IMessage a, IMessage b)
    {
        if (a.Descriptor != b.Descriptor)
        {
            return false;
        }

        var x = a.Descriptor.Parser.ParseFrom(a.ToByteArray());
        var y = b.Descriptor.Parser.ParseFrom(b.ToByteArray());
        x.Descriptor.FindFieldByName("request_id").Accessor.Clear(x);
        y.Descriptor.FindFieldByName("request_id").Accessor.Clear(y);
        return x.Equals(y);
    }

    /// <summary>A name as the API takes it: at most 200 characters, no control characters.</summary>
    private static bool IsName(string text) => text.Length <= 200 && !text.Any(char.IsControl);

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date >= new DateOnly(2000, 1, 1) && date <= new DateOnly(2100, 12, 31);

    private static int NumberOf(string dialogueId) => int.Parse(DialogueIdPattern().Match(dialogueId).Groups[2].Value, CultureInfo.InvariantCulture);

    private static string[] MunicipalitiesOf(string county) => [.. Geography.Sweden.MunicipalitiesIn(county).Select(m => m.Code)];

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Count(Dictionary<string, int> outcomes, string key) => outcomes[key] = outcomes.GetValueOrDefault(key) + 1;

    private static string Describe(Dictionary<string, int> outcomes) =>
        string.Join(", ", outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
