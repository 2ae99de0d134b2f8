using System.Collections.Immutable;
using Dua.Domain.Participants;

namespace Dua.Domain.Statistics;

/// <summary>
/// The running participant counts of one agreement, now and month by month: a participant's old facts come off,
/// its new facts go on.
/// </summary>
internal sealed class ParticipantCounter
{
    private readonly long[] _inModule = new long[4];
    private readonly long[] _exits = new long[ParticipantTally.OutcomeSlots];
    private readonly Dictionary<int, long> _daysToExit = [];
    private long _enrolled;

    /// <summary>The agreement's participants by month (enrolments, modules at month end, exits and their days).</summary>
    public TrendDeltas Months { get; } = new();

    public void Add(ParticipantFacts facts) => Count(facts, +1);

    public void Remove(ParticipantFacts facts) => Count(facts, -1);

    public ParticipantTally ToTally() => new(
        _enrolled, _inModule[1], _inModule[2], _inModule[3], [.. _exits],
        _daysToExit.Where(d => d.Value != 0).ToImmutableSortedDictionary());

    private void Count(ParticipantFacts facts, int sign)
    {
        _enrolled += sign;
        facts.Dates.Count(Months, facts, sign);
        if (facts.Status == ParticipantStatus.Exited)
        {
            _exits[(int)facts.Outcome] += sign;
            if (facts.DaysToExit is { } days)
            {
                _daysToExit[days] = _daysToExit.GetValueOrDefault(days) + sign;
            }
        }
        else if (facts.CurrentModule is >= 1 and <= 3)
        {
            _inModule[facts.CurrentModule] += sign;
        }
    }
}
