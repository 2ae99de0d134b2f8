using System.Collections.Immutable;
using Dua.Domain.Requests;
using Dua.Domain.Statistics;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Dialogues;

/// <summary>One county's dialogue conferences; keyed by <see cref="GrainKeys.RegionDialogues"/>.</summary>
[Alias("dua.IRegionDialoguesGrain")]
public interface IRegionDialoguesGrain : IGrainWithStringKey
{
    /// <summary>Schedules a dialogue under the county's next number.</summary>
    [Alias("Schedule")]
    Task<DialogueSnapshot> ScheduleAsync(RequestKey request, DialoguePlan plan);

    /// <summary>Records, or corrects, which invited municipalities started work on an agreement; only once the dialogue was held.</summary>
    [Alias("RecordOutcome")]
    Task<DialogueSnapshot> RecordOutcomeAsync(RequestKey request, string dialogueId, ImmutableArray<string> municipalityCodes);

    /// <summary>The dialogue, or null when the county has none with this id.</summary>
    [Alias("Get")]
    Task<DialogueSnapshot?> GetAsync(string dialogueId);

    [Alias("List")]
    Task<ImmutableArray<DialogueSnapshot>> ListAsync(DialogueQuery query);

    /// <summary>What the county's statistics need of its dialogues.</summary>
    [Alias("GetFacts")]
    Task<DialogueFacts> GetFactsAsync();
}
