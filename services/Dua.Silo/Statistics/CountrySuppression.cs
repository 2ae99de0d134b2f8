using Dua.Grains.Statistics;

namespace Dua.Silo.Statistics;

/// <summary>
/// Small-count suppression for every area at once, so that no summary can be set against another to work out a
/// withheld count: the country against its counties, each county against its municipalities, and each area's own
/// sums (<see cref="AreaPersonCounts.WithholdComplements"/>). Cells are withheld by
/// <see cref="PersonCounts.WithholdComplement"/> until no sum exposes one.
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

    public static CountrySuppression Plan(IReadOnlyList<RegionStatistics> regions, Tally national)
    {
        ArgumentNullException.ThrowIfNull(regions);
        const Disclosure disclosure = Disclosure.SuppressSmallCounts;
        var counties = regions.ToDictionary(r => r.RegionCode, r => AreaPersonCounts.Of(r.Region, disclosure), StringComparer.Ordinal);
        var municipalities = regions
            .SelectMany(r => r.Municipalities)
            .ToDictionary(m => m.Key, m => AreaPersonCounts.Of(m.Value, disclosure), StringComparer.Ordinal);
        var nationalCounts = AreaPersonCounts.Of(national, disclosure);
        var countyParts = regions.Select(r => counties[r.RegionCode]).ToArray();
        var municipalityParts = regions.Select(r => (County: counties[r.RegionCode], Parts: r.Municipalities.Keys.Select(k => municipalities[k]).ToArray())).ToArray();

        bool changed;
        do
        {
            changed = false;
            foreach (var area in municipalities.Values.Concat(counties.Values).Append(nationalCounts))
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

        return new CountrySuppression(nationalCounts, counties, municipalities);
    }
}
