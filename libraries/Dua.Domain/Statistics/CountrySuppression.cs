namespace Dua.Domain.Statistics;

/// <summary>
/// Small-count suppression for every area at once, so that no summary can be set against another to work out a
/// withheld count: the country against its counties, each county against its municipalities, and each area's own
/// sums (<see cref="AreaPersonCounts.WithholdComplements"/>). Cells are withheld by
/// <see cref="PersonCounts.WithholdComplement"/> until no sum exposes one.
/// What this does not close: (1) each sum is checked on its own, so solving several sums together (a county's and
/// its municipalities' module counts against their enrolled counts) can still narrow a withheld cell down; (2) a
/// joint agreement's participants count in each municipality it covers but once in the county, so there the
/// county is not the sum of its municipalities and the rule is only approximate; (3) figures read at different
/// times can be set against each other (a count going from withheld to 5 after one enrolment); (4) job-track
/// places (not people) and labour-market totals are shown exactly, and places minus places taken is not checked.
/// </summary>
public sealed class CountrySuppression
{
    private CountrySuppression(AreaPersonCounts national, Dictionary<string, AreaPersonCounts> counties, Dictionary<string, AreaPersonCounts> municipalities)
    {
        National = national;
        Counties = counties;
        Municipalities = municipalities;
    }

    public AreaPersonCounts National { get; }

    public IReadOnlyDictionary<string, AreaPersonCounts> Counties { get; }

    public IReadOnlyDictionary<string, AreaPersonCounts> Municipalities { get; }

    public static CountrySuppression Plan(IReadOnlyList<CountyStatistics> counties, Tally national)
    {
        ArgumentNullException.ThrowIfNull(counties);
        const Disclosure disclosure = Disclosure.SuppressSmallCounts;
        var countyCounts = counties.ToDictionary(c => c.CountyCode, c => AreaPersonCounts.Of(c.County, disclosure), StringComparer.Ordinal);
        var municipalities = counties
            .SelectMany(c => c.Municipalities)
            .ToDictionary(m => m.Key, m => AreaPersonCounts.Of(m.Value, disclosure), StringComparer.Ordinal);
        var nationalCounts = AreaPersonCounts.Of(national, disclosure);
        var countyParts = counties.Select(c => countyCounts[c.CountyCode]).ToArray();
        var municipalityParts = counties.Select(c => (County: countyCounts[c.CountyCode], Parts: c.Municipalities.Keys.Select(k => municipalities[k]).ToArray())).ToArray();

        bool changed;
        do
        {
            changed = false;
            foreach (var area in municipalities.Values.Concat(countyCounts.Values).Append(nationalCounts))
            {
                changed |= area.WithholdComplements();
            }

            for (var slot = 0; slot < AreaPersonCounts.SlotCount; slot++)
            {
                changed |= PersonCounts.WithholdComplement(nationalCounts[slot], [.. countyParts.Select(c => c[slot])]);
                foreach (var (county, parts) in municipalityParts)
                {
                    changed |= PersonCounts.WithholdComplement(county[slot], [.. parts.Select(m => m[slot])]);
                }
            }
        }
        while (changed);

        return new CountrySuppression(nationalCounts, countyCounts, municipalities);
    }
}
