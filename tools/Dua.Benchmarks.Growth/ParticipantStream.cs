using System.Globalization;
using Dua.Domain.Participants;
using Dua.Domain.Statistics;
using Dua.ReferenceData;

namespace Dua.Benchmarks.Growth;

/// <summary>
/// An endless, reproducible sequence of participants' facts, each with the county whose aggregates take it.
/// Participants are spread over counties by <see cref="CountyWeights"/>, evenly over a county's municipalities,
/// 45 % into the newcomers' agreement where there is one. About a third have exited (with an outcome and the days
/// from enrolment to exit); the others are in module 1, 2 or 3. Dates spread over the two years before a fixed day. Ids follow the platform's form
/// ("21-5f3c9a1e2b7d4c08-p000001", numbered per agreement). The first N participants are the same whatever is
/// taken after them, so a bigger load extends a smaller one. Not thread-safe.
/// </summary>
public sealed class ParticipantStream(BenchmarkAgreements agreements, int seed)
{
    private static readonly (ExitOutcome Outcome, double Share)[] Outcomes =
    [
        (ExitOutcome.Employment, 0.40), (ExitOutcome.SubsidisedEmployment, 0.15), (ExitOutcome.RegularStudies, 0.20),
        (ExitOutcome.Other, 0.15), (ExitOutcome.Unknown, 0.10),
    ];

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, int> _admitted = new(StringComparer.Ordinal);
    private readonly (string Code, int Weight)[] _counties = [.. CountyWeights.All.Select(c => (c.County.Code, c.Weight))];
    private readonly int _totalWeight = CountyWeights.All.Sum(c => c.Weight);

    /// <summary>Participants handed out so far.</summary>
    public long Count { get; private set; }

    public IEnumerable<(string RegionCode, ParticipantFacts Facts)> Take(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next();
        }
    }

    private (string RegionCode, ParticipantFacts Facts) Next()
    {
        var regionCode = PickCounty();
        var municipalities = Geography.Sweden.MunicipalitiesIn(regionCode);
        var municipality = municipalities[_random.Next(municipalities.Count)].Code;
        var agreement = agreements.Newcomers(municipality) is { } newcomers && _random.NextDouble() < 0.45
            ? newcomers
            : agreements.Youth(municipality);
        var number = _admitted[agreement.AgreementId] = _admitted.GetValueOrDefault(agreement.AgreementId) + 1;
        var id = string.Create(CultureInfo.InvariantCulture, $"{agreement.AgreementId}-p{number:D6}");
        Count++;
        return (regionCode, _random.NextDouble() < 0.35 ? Exited(id, agreement.AgreementId) : Active(id, agreement.AgreementId));
    }

    // The day every date is counted back from, fixed so that runs compare; enrolments fall on the two years before it.
    private static readonly DateOnly LastDay = new(2026, 11, 30);

    // Enrolled, job preparation started, path chosen, maybe a job track, then the exit: 3 to 5 events.
    private ParticipantFacts Exited(string id, string agreementId)
    {
        var days = _random.Next(30, 731);
        var exited = LastDay.AddDays(-_random.Next(0, 730));
        var enrolled = exited.AddDays(-days);
        var prep = enrolled.AddDays(days / 3);
        return new ParticipantFacts(
            id, agreementId, Version: _random.Next(3, 6), ParticipantStatus.Exited, CurrentModule: 0,
            PickOutcome(), DaysToExit: days, new ParticipantDates(enrolled, prep, _random.Next(2) == 0 ? prep.AddDays(days / 3) : null, exited));
    }

    private ParticipantFacts Active(string id, string agreementId)
    {
        var draw = _random.NextDouble();
        var module = draw < 0.25 ? 1 : draw < 0.60 ? 2 : 3;
        var enrolled = LastDay.AddDays(-_random.Next(0, 730));
        var step = (LastDay.DayNumber - enrolled.DayNumber) / 3;
        return new ParticipantFacts(id, agreementId, Version: module, ParticipantStatus.Active, module, ExitOutcome.Unspecified, DaysToExit: null,
            new ParticipantDates(enrolled, module >= 2 ? enrolled.AddDays(step) : null, module == 3 ? enrolled.AddDays(2 * step) : null, null));
    }

    private string PickCounty()
    {
        var draw = _random.Next(_totalWeight);
        foreach (var (code, weight) in _counties)
        {
            if (draw < weight)
            {
                return code;
            }

            draw -= weight;
        }

        throw new InvalidOperationException("County weights do not add up.");
    }

    private ExitOutcome PickOutcome()
    {
        var draw = _random.NextDouble();
        foreach (var (outcome, share) in Outcomes)
        {
            if (draw < share)
            {
                return outcome;
            }

            draw -= share;
        }

        return ExitOutcome.Unknown;
    }
}
