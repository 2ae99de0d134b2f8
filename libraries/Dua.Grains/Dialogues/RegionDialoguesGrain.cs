using System.Collections.Immutable;
using Dua.Domain;
using Dua.Domain.Dialogues;
using Dua.Domain.Requests;
using Dua.Domain.Statistics;
using Dua.Grains.Statistics;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Dialogues;
using Dua.Grains.Abstractions.Statistics;

namespace Dua.Grains.Dialogues;

/// <summary>
/// One county's regional dialogue conferences: it numbers them ("21-d1", "21-d2", ...) and records what came of
/// each once held, as the domain's rules (<see cref="DialogueRules"/>) allow. Every change is written with its
/// request id before it is acknowledged.
/// </summary>
public sealed class RegionDialoguesGrain(
    [PersistentState("region-dialogues", StorageNames.Platform)] IPersistentState<RegionDialoguesState> state,
    IGrainFactory grains)
    : Grain, IRegionDialoguesGrain
{
    private string CountyCode => this.GetPrimaryKeyString()[GrainKeys.RegionDialoguesPrefix.Length..];

    public async Task<DialogueSnapshot> ScheduleAsync(RequestKey request, DialoguePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        KnownAreas.RequireCounty(CountyCode);
        if (state.State.Requests.IsReplay(request)
            && DialogueId.TryParse(state.State.Requests.ResultOf(request), out _, out var scheduled)
            && state.State.Dialogues.TryGetValue(scheduled, out var existing))
        {
            await FeedStatisticsAsync();
            return existing;
        }

        DialogueRules.RequireInvitable(CountyCode, OrEmpty(plan.InvitedMunicipalityCodes));
        var number = state.State.NextNumber;
        var now = DateTimeOffset.UtcNow;
        var dialogue = new DialogueSnapshot(
            DialogueId.Format(CountyCode, number), CountyCode, number, plan, Outcome: null, Version: 1, CreatedAt: now, UpdatedAt: now);
        state.State.NextNumber = number + 1;
        await SaveAsync(request, dialogue);
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

        var codes = OrEmpty(municipalityCodes);
        DialogueRules.RequireOutcome(dialogue.Id, OrEmpty(dialogue.Plan.InvitedMunicipalityCodes), codes);
        DialogueRules.RequireHeld(dialogue.Id, dialogue.Plan.Date, SwedishCalendar.Today());

        var changed = DialogueRules.IsRecorded(dialogue.Outcome?.MunicipalityCodes, codes)
            ? dialogue // The same outcome again changes nothing, but the request id is still remembered.
            : dialogue with
            {
                Outcome = new DialogueOutcome(codes, DateTimeOffset.UtcNow),
                Version = dialogue.Version + 1,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
        await SaveAsync(request, changed);
        return changed;
    }

    public Task<DialogueSnapshot?> GetAsync(string dialogueId)
    {
        KnownAreas.RequireCounty(CountyCode);
        return Task.FromResult(
            DialogueId.TryParse(dialogueId, out var county, out var number) && county == CountyCode
                ? state.State.Dialogues.GetValueOrDefault(number)
                : null);
    }

    public Task<ImmutableArray<DialogueSnapshot>> ListAsync(DialogueQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        KnownAreas.RequireCounty(CountyCode);
        return Task.FromResult(state.State.Dialogues.Values
            .Where(d => d.Number > query.AfterNumber && (!query.OnlyOpen || d.IsOpen))
            .OrderBy(d => d.Number)
            .Take(Math.Max(query.Limit, 0))
            .ToImmutableArray());
    }

    public Task<DialogueFacts> GetFactsAsync()
    {
        KnownAreas.RequireCounty(CountyCode);
        return Task.FromResult(Facts());
    }

    private async Task SaveAsync(RequestKey request, DialogueSnapshot dialogue)
    {
        state.State.Dialogues[dialogue.Number] = dialogue;
        state.State.Requests.Record(request, dialogue.Id);
        await state.WriteOrReloadAsync(this);
        await FeedStatisticsAsync();
    }

    // Every change adds one to some dialogue's version, so their sum orders the county's facts.
    private DialogueFacts Facts() => new(
        CountyCode, state.State.Dialogues.Values.Sum(d => d.Version), state.State.Dialogues.Values.Count(d => d.IsOpen),
        [.. state.State.Dialogues.Values.OrderBy(d => d.Number).Select(d => new DialogueHeld(
            d.Plan.Date, d.Plan.InvitedMunicipalityCodes, d.Outcome?.MunicipalityCodes ?? []))]);

    // Fed after the write and again on a retry, in case the first attempt's write landed and its feed did not.
    private Task FeedStatisticsAsync() =>
        grains.ByKey<IRegionStatisticsGrain>(GrainKeys.RegionStatistics(CountyCode)).RecordDialoguesAsync(Facts());

    private DialogueSnapshot Require(string dialogueId)
    {
        KnownAreas.RequireCounty(CountyCode);
        return DialogueId.TryParse(dialogueId, out var county, out var number) && county == CountyCode
            && state.State.Dialogues.TryGetValue(number, out var dialogue)
                ? dialogue
                : throw DomainRuleException.NotFound(DialogueRules.Dialogue, $"Dialogue '{dialogueId}' was not found.");
    }

    // A list that came over the wire empty may arrive as a default array.
    private static ImmutableArray<string> OrEmpty(ImmutableArray<string> codes) => codes.IsDefault ? [] : codes;
}
