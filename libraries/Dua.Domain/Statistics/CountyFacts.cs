using System.Collections.Immutable;
using Dua.Domain.Agreements;
using Dua.ReferenceData;

namespace Dua.Domain.Statistics;

/// <summary>
/// The facts of one county: the newest known facts of every agreement, participant, municipality's labour-market
/// reports and the county's dialogues, with participant counts kept running per agreement so a change costs O(1).
/// Facts are taken in only when newer than those held, so feeding them twice, late or out of order is harmless.
/// Not thread-safe: one owner (the county's statistics grain) feeds and reads it.
/// </summary>
public sealed class CountyFacts(string countyCode)
{
    private readonly Dictionary<string, ParticipantFacts> _participants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParticipantCounter> _counters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgreementFacts> _agreements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LabourMarketFacts> _labourMarket = new(StringComparer.Ordinal);
    private DialogueFacts? _dialogues;

    public string CountyCode { get; } = countyCode;

    /// <summary>Grows with every fact taken in.</summary>
    public long Changes { get; private set; }

    public int ParticipantCount => _participants.Count;

    public bool Apply(ParticipantFacts facts, bool replaceEqual = false)
    {
        if (_participants.TryGetValue(facts.ParticipantId, out var held))
        {
            if (!IsNewer(facts.Version, held.Version, replaceEqual))
            {
                return false;
            }

            Counter(held.AgreementId).Remove(held);
        }

        Counter(facts.AgreementId).Add(facts);
        _participants[facts.ParticipantId] = facts;
        Changes++;
        return true;
    }

    public bool Apply(AgreementFacts facts, bool replaceEqual = false) =>
        Take(_agreements, facts.AgreementId, facts, facts.Version, a => a.Version, replaceEqual);

    public bool Apply(LabourMarketFacts facts, bool replaceEqual = false) =>
        Take(_labourMarket, facts.MunicipalityCode, facts, facts.Version, l => l.Version, replaceEqual);

    public bool Apply(DialogueFacts facts, bool replaceEqual = false)
    {
        if (_dialogues is { } held && !IsNewer(facts.Version, held.Version, replaceEqual))
        {
            return false;
        }

        _dialogues = facts;
        Changes++;
        return true;
    }

    /// <summary>Takes in every fact of <paramref name="other"/> that is newer (or, with <paramref name="replaceEqual"/>, as new).</summary>
    public void Merge(CountyFacts other, bool replaceEqual = false)
    {
        foreach (var facts in other._agreements.Values)
        {
            Apply(facts, replaceEqual);
        }

        foreach (var facts in other._participants.Values)
        {
            Apply(facts, replaceEqual);
        }

        foreach (var facts in other._labourMarket.Values)
        {
            Apply(facts, replaceEqual);
        }

        if (other._dialogues is { } dialogues)
        {
            Apply(dialogues, replaceEqual);
        }
    }

    /// <summary>The county's counts as the facts now held give them.</summary>
    public CountyStatistics Snapshot(DateTimeOffset asOf)
    {
        var municipalities = Geography.Sweden.MunicipalitiesIn(CountyCode);
        var covering = municipalities.ToDictionary(m => m.Code, _ => new List<AgreementFacts>(), StringComparer.Ordinal);
        foreach (var agreement in _agreements.Values)
        {
            foreach (var code in agreement.MunicipalityCodes)
            {
                covering.GetValueOrDefault(code)?.Add(agreement);
            }
        }

        var tallies = ImmutableSortedDictionary.CreateBuilder<string, Tally>(StringComparer.Ordinal);
        var goals = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<AgreementGoal>>(StringComparer.Ordinal);
        foreach (var municipality in municipalities)
        {
            var agreements = covering[municipality.Code];
            tallies[municipality.Code] = Tally.Empty with
            {
                Municipalities = 1,
                YouthCovered = agreements.Any(a => a.InForce && a.Kind == AgreementKind.Youth) ? 1 : 0,
                NewcomersCovered = agreements.Any(a => a.InForce && a.Kind == AgreementKind.Newcomers) ? 1 : 0,
                Agreements = CountByKindAndStatus(agreements),
                JobTracks = JobTrackTally.Of(agreements.Where(a => a.InForce).SelectMany(a => a.JobTracks)),
                Participants = SumParticipants(agreements.Select(a => a.AgreementId)),
                LabourMarket = _labourMarket.TryGetValue(municipality.Code, out var labour) ? [labour] : [],
            };
            goals[municipality.Code] = [.. agreements
                .Where(a => a.InForce)
                .OrderBy(a => a.AgreementId, StringComparer.Ordinal)
                .SelectMany(a => a.Goals.Select(g => new AgreementGoal(a.AgreementId, a.Kind, g)))];
        }

        var county = new Tally(
            municipalities.Count,
            tallies.Values.Sum(t => t.YouthCovered),
            tallies.Values.Sum(t => t.NewcomersCovered),
            CountByKindAndStatus(_agreements.Values),
            JobTrackTally.Of(_agreements.Values.Where(a => a.InForce).SelectMany(a => a.JobTracks)),
            SumParticipants(_counters.Keys),
            [.. _labourMarket.Values.OrderBy(l => l.MunicipalityCode, StringComparer.Ordinal)],
            _dialogues?.Open ?? 0);
        var (trend, municipalityTrends) = Trends(municipalities, covering, TrendCalendar.Of(asOf) + TrendCalendar.MonthsAhead);
        return new CountyStatistics(CountyCode, asOf, Changes, county, tallies.ToImmutable(), goals.ToImmutable(), trend, municipalityTrends);
    }

    /// <summary>
    /// The county's and each municipality's month figures up to <paramref name="lastMonth"/>: the participants'
    /// running month counts of each agreement, each agreement's months in force, every reported month and every
    /// dialogue. The cost grows with agreements, reports, dialogues and months, not with participants.
    /// </summary>
    private (TrendTally County, ImmutableSortedDictionary<string, TrendTally> Municipalities) Trends(
        IReadOnlyList<MunicipalityEntry> municipalities, Dictionary<string, List<AgreementFacts>> covering, int lastMonth)
    {
        var inForce = _agreements.Values.ToDictionary(a => a.AgreementId, InForceMonths, StringComparer.Ordinal);
        var county = new TrendDeltas();
        foreach (var months in inForce.Values)
        {
            county.AddAll(months);
        }

        foreach (var counter in _counters.Values)
        {
            county.AddAll(counter.Months);
        }

        foreach (var labour in _labourMarket.Values)
        {
            labour.Count(county);
        }

        foreach (var dialogue in _dialogues?.Held ?? [])
        {
            var month = TrendCalendar.Of(dialogue.Date);
            county.Add(month, TrendSlots.DialoguesHeld, 1);
            county.Add(month, TrendSlots.MunicipalitiesStarted, dialogue.Started.Length);
        }

        var trends = ImmutableSortedDictionary.CreateBuilder<string, TrendTally>(StringComparer.Ordinal);
        foreach (var municipality in municipalities)
        {
            var deltas = new TrendDeltas();
            foreach (var agreement in covering[municipality.Code])
            {
                deltas.AddAll(inForce[agreement.AgreementId]);
                if (_counters.TryGetValue(agreement.AgreementId, out var counter))
                {
                    deltas.AddAll(counter.Months);
                }
            }

            if (_labourMarket.TryGetValue(municipality.Code, out var labour))
            {
                labour.Count(deltas);
            }

            foreach (var dialogue in _dialogues?.Held ?? [])
            {
                var month = TrendCalendar.Of(dialogue.Date);
                deltas.Add(month, TrendSlots.DialoguesHeld, dialogue.Invited.Contains(municipality.Code) ? 1 : 0);
                deltas.Add(month, TrendSlots.MunicipalitiesStarted, dialogue.Started.Contains(municipality.Code) ? 1 : 0);
            }

            var tally = deltas.ToTally(lastMonth);
            trends[municipality.Code] = tally
                .WithState(TrendSlots.YouthCovered, m => tally.Value(m, TrendSlots.InForce(AgreementKind.Youth)) > 0 ? 1 : 0)
                .WithState(TrendSlots.NewcomersCovered, m => tally.Value(m, TrendSlots.InForce(AgreementKind.Newcomers)) > 0 ? 1 : 0);
        }

        var countyTally = county.ToTally(lastMonth)
            .WithState(TrendSlots.YouthCovered, m => trends.Values.Sum(t => t.Value(m, TrendSlots.YouthCovered)))
            .WithState(TrendSlots.NewcomersCovered, m => trends.Values.Sum(t => t.Value(m, TrendSlots.NewcomersCovered)));
        return (countyTally, trends.ToImmutable());
    }

    // An agreement's months in force, with its open job tracks and their places, as states.
    private TrendDeltas InForceMonths(AgreementFacts agreement)
    {
        var deltas = new TrendDeltas();
        var successorFrom = agreement.Dates.SuccessorId is { } successor && _agreements.TryGetValue(successor, out var next)
            ? next.Dates.ValidFrom
            : null;
        if (agreement.Dates.Months(successorFrom) is var (from, until))
        {
            var open = agreement.JobTracks.Where(t => t.Open).ToList();
            deltas.AddState(TrendSlots.InForce(agreement.Kind), from, until, 1);
            deltas.AddState(TrendSlots.TracksOpen, from, until, open.Count);
            deltas.AddState(TrendSlots.Places, from, until, open.Sum(t => t.Places));
        }

        return deltas;
    }

    private ParticipantTally SumParticipants(IEnumerable<string> agreementIds)
    {
        var sum = ParticipantTally.Empty;
        foreach (var id in agreementIds)
        {
            if (_counters.TryGetValue(id, out var counter))
            {
                sum = sum.Plus(counter.ToTally());
            }
        }

        return sum;
    }

    private static ImmutableArray<AgreementTally> CountByKindAndStatus(IEnumerable<AgreementFacts> agreements) =>
        AgreementTally.Sum(agreements.Select(a => new AgreementTally(a.Kind, a.Status, 1)));

    private ParticipantCounter Counter(string agreementId)
    {
        if (!_counters.TryGetValue(agreementId, out var counter))
        {
            counter = new ParticipantCounter();
            _counters[agreementId] = counter;
        }

        return counter;
    }

    private bool Take<T>(Dictionary<string, T> held, string key, T facts, long version, Func<T, long> versionOf, bool replaceEqual)
    {
        if (held.TryGetValue(key, out var existing) && !IsNewer(version, versionOf(existing), replaceEqual))
        {
            return false;
        }

        held[key] = facts;
        Changes++;
        return true;
    }

    private static bool IsNewer(long version, long held, bool replaceEqual) => version > held || (replaceEqual && version == held);
}
