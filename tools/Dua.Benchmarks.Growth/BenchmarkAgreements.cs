using System.Collections.Immutable;
using System.Globalization;
using Dua.Domain.Agreements;
using Dua.Domain.Statistics;
using Dua.ReferenceData;

namespace Dua.Benchmarks.Growth;

/// <summary>
/// The agreements the aggregates are fed, as the platform would describe them: per municipality a signed YOUTH
/// agreement with one job track, and in five of six municipalities a signed NEWCOMERS agreement with three
/// (about 240 in all, as in the country), each with a goal. Ids follow the platform's form ("21-5f3c9a1e2b7d4c08")
/// and depend only on the seed.
/// </summary>
public sealed class BenchmarkAgreements
{
    private readonly Dictionary<string, AgreementFacts> _youth = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgreementFacts> _newcomers = new(StringComparer.Ordinal);

    public BenchmarkAgreements(int seed)
    {
        var random = new Random(seed);
        var occupations = Occupations.Ssyk2012.All;
        var municipalities = Geography.Sweden.Municipalities.OrderBy(m => m.Code, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < municipalities.Length; i++)
        {
            var municipality = municipalities[i];
            _youth[municipality.Code] = Agreement(random, municipality, AgreementKind.Youth, tracks: 1);
            if (i % 6 != 5)
            {
                _newcomers[municipality.Code] = Agreement(random, municipality, AgreementKind.Newcomers, tracks: 3);
            }
        }

        AgreementFacts Agreement(Random random, MunicipalityEntry municipality, AgreementKind kind, int tracks)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{municipality.CountyCode}-{random.NextInt64():x16}");
            var jobTracks = Enumerable.Range(0, tracks)
                .Select(_ => new JobTrackFacts(occupations[random.Next(occupations.Count)].Code, Open: true, Places: 20, PlacesTaken: random.Next(21)))
                .ToImmutableArray();
            var goal = new GoalFacts("exited_to_work_or_studies_share", Baseline: 0.4, Target: 0.6, new DateOnly(2027, 12, 31), "share");
            return new AgreementFacts(id, Version: 3, kind, AgreementStatus.Signed, [municipality.Code], jobTracks, [goal],
                new AgreementDates(new DateOnly(2023, 12, 1), new DateOnly(2028, 11, 30), null, null));
        }
    }

    public IEnumerable<AgreementFacts> All => _youth.Values.Concat(_newcomers.Values);

    public AgreementFacts Youth(string municipalityCode) => _youth[municipalityCode];

    public AgreementFacts? Newcomers(string municipalityCode) => _newcomers.GetValueOrDefault(municipalityCode);
}
