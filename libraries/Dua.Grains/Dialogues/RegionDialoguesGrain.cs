using System.Collections.Immutable;
using Dua.Domain.Requests;
using Dua.Grains.Dialogues;
using Dua.Grains.Statistics;
using Dua.ReferenceData;

namespace Dua.Grains;

/// <summary>
/// One county's regional dialogue conferences: it numbers them ("21-d1", "21-d2", ...) and records what came of
/// each once held. Every change is written with its request id before it is acknowledged.
/// </summary>
public sealed class RegionDialoguesGrain(
    [PersistentState("region-dialogues", StorageNames.Platform)] IPersistentState<RegionDialoguesState> state,
    IGrainFactory grains)
    : Grain, IRegionDialoguesGrain
{
    private string RegionCode => this.GetPrimaryKeyString()[GrainKeys.RegionDialoguesPrefix.Length..];

    public async Task<DialogueSnapshot> ScheduleAsync(RequestKey request, DialoguePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        RequireKnownCounty();
        if (state.State.Requests.IsReplay(request)
            && DialogueId.TryParse(state.State.Requests.ResultOf(request), out _, out var scheduled)
            && state.State.Dialogues.TryGetValue(scheduled, out var existing))
        {
            await FeedStatisticsAsync();
            return existing;
        }

        RequireInvitable(plan.InvitedMunicipalityCodes);
        var number = state.State.NextNumber;
        var now = DateTimeOffset.UtcNow;
        var dialogue = new DialogueSnapshot(
            DialogueId.Format(RegionCode, number), RegionCode, number, plan, Outcome: null, Version: 1, CreatedAt: now, UpdatedAt: now);
        state.State.NextNumber = number + 1;
        await SaveAsync(request, dialogue, dialogue.Id);
        return dialogue;
    }

    public async Task<DialogueSnapshot> RecordOutcomeAsync(RequestKey request, string dialogueId, ImmutableArray<string> municipalityCodes)
    {
        var dialogue = Require(dialogueId);
        if (state.State.Requests.IsReplay(request))
        {
            await FeedStatisticsAsync();
            return dialogue;
        }

        var invited = dialogue.Plan.InvitedMunicipalityCodes.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < municipalityCodes.Length; i++)
        {
            if (!invited.Contains(municipalityCodes[i]))
            {
                throw DomainException.InvalidField($"municipality_codes[{i}]", $"'{municipalityCodes[i]}' was not invited to {dialogue.Id}");
            }
        }

        if (municipalityCodes.Distinct(StringComparer.Ordinal).Count() != municipalityCodes.Length)
        {
            throw DomainException.InvalidField("municipality_codes", "must not repeat a municipality");
        }

        var today = SwedishCalendar.Today();
        if (dialogue.Plan.Date > today)
        {
            throw DomainException.Precondition("dialogue-not-held-yet",
                $"Dialogue {dialogue.Id} is to be held on {dialogue.Plan.Date:yyyy-MM-dd}; its outcome can be recorded from that day on (today is {today:yyyy-MM-dd}).");
        }

        var changed = dialogue.Outcome is { } outcome && outcome.MunicipalityCodes.SequenceEqual(municipalityCodes)
            ? dialogue // The same outcome again changes nothing, but the request id is still remembered.
            : dialogue with
            {
                Outcome = new DialogueOutcome(municipalityCodes, DateTimeOffset.UtcNow),
                Version = dialogue.Version + 1,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
        await SaveAsync(request, changed, changed.Id);
        return changed;
    }

    public Task<DialogueSnapshot?> GetAsync(string dialogueId)
    {
        RequireKnownCounty();
        return Task.FromResult(
            DialogueId.TryParse(dialogueId, out var region, out var number) && region == RegionCode
                ? state.State.Dialogues.GetValueOrDefault(number)
                : null);
    }

    public Task<ImmutableArray<DialogueSnapshot>> ListAsync(DialogueQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        RequireKnownCounty();
        return Task.FromResult(state.State.Dialogues.Values
            .Where(d => d.Number > query.AfterNumber && (!query.OnlyOpen || d.IsOpen))
            .OrderBy(d => d.Number)
            .Take(Math.Max(query.Limit, 0))
            .ToImmutableArray());
    }

    private async Task SaveAsync(RequestKey request, DialogueSnapshot dialogue, string result)
    {
        state.State.Dialogues[dialogue.Number] = dialogue;
        state.State.Requests.Record(request, result);
        await state.WriteOrReloadAsync(this);
        await FeedStatisticsAsync();
    }

    public Task<DialogueFacts> GetFactsAsync()
    {
        RequireKnownCounty();
        return Task.FromResult(Facts());
    }

    // Every change adds one to some dialogue's version, so their sum orders the county's facts.
    private DialogueFacts Facts() => new(
        RegionCode, state.State.Dialogues.Values.Sum(d => d.Version), state.State.Dialogues.Values.Count(d => d.IsOpen));

    // Fed after the write and again on a retry, in case the first attempt's write landed and its feed did not.
    private Task FeedStatisticsAsync() =>
        grains.GetGrain<IRegionStatisticsGrain>(GrainKeys.RegionStatistics(RegionCode)).RecordDialoguesAsync(Facts());

    /// <summary>Invitations go to distinct municipalities of this county; the edge names each bad one first.</summary>
    private void RequireInvitable(ImmutableArray<string> codes)
    {
        if (codes.IsDefaultOrEmpty)
        {
            throw DomainException.InvalidField("municipality_codes", "needs at least one entry");
        }

        for (var i = 0; i < codes.Length; i++)
        {
            if (Geography.Sweden.FindMunicipality(codes[i]) is not { } municipality || municipality.CountyCode != RegionCode)
            {
                throw DomainException.InvalidField($"municipality_codes[{i}]", $"'{codes[i]}' is not a municipality of county {RegionCode}");
            }
        }

        if (codes.Distinct(StringComparer.Ordinal).Count() != codes.Length)
        {
            throw DomainException.InvalidField("municipality_codes", "must not repeat a municipality");
        }
    }

    private DialogueSnapshot Require(string dialogueId)
    {
        RequireKnownCounty();
        return DialogueId.TryParse(dialogueId, out var region, out var number) && region == RegionCode
            && state.State.Dialogues.TryGetValue(number, out var dialogue)
                ? dialogue
                : throw DomainException.NotFound("dua.v1.Dialogue", $"Dialogue '{dialogueId}' was not found.");
    }

    private void RequireKnownCounty()
    {
        if (Geography.Sweden.FindCounty(RegionCode) is null)
        {
            throw DomainException.NotFound("dua.v1.Region", $"Region '{RegionCode}' was not found.");
        }
    }
}
