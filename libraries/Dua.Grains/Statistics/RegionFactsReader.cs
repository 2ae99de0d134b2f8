using Dua.Domain.Participants;
using Dua.Domain.Statistics;
using Dua.Grains.Agreements;
using Dua.Grains.Participants;
using Dua.ReferenceData;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;
using Dua.Grains.Abstractions.Dialogues;
using Dua.Grains.Abstractions.LabourMarket;
using Dua.Grains.Abstractions.Participants;
using Dua.Grains.Abstractions.Statistics;

namespace Dua.Grains.Statistics;

/// <summary>
/// Reads a county's facts from the authoritative grains: every agreement of the county's index, every participant
/// they admitted, every municipality's labour-market reports and the county's dialogues. The cost grows with
/// the county's participants; it runs when live aggregates are activated and for a recount, not per read.
/// </summary>
internal static class RegionFactsReader
{
    // Participants read at once: enough to overlap storage reads, few enough not to flood a silo.
    private const int ParticipantBatch = 256;

    public static async Task<CountyFacts> ReadAsync(IGrainFactory grains, string countyCode)
    {
        var facts = new CountyFacts(countyCode);
        var entries = await grains.ByKey<IRegionGrain>(GrainKeys.Region(countyCode)).ListAgreementsAsync();
        foreach (var entry in entries)
        {
            var agreement = await grains.ByKey<IAgreementGrain>(GrainKeys.Agreement(entry.AgreementId)).GetAsync();
            if (agreement is null)
            {
                continue;
            }

            facts.Apply(StatisticsFacts.Of(agreement));
            foreach (var batch in ParticipantRoster.IdsAfter(agreement.Id, agreement.ParticipantsAdmitted, null).Chunk(ParticipantBatch))
            {
                var participants = await Task.WhenAll(batch.Select(id => grains.ByKey<IParticipantGrain>(GrainKeys.Participant(id)).GetAsync()));
                foreach (var participant in participants.OfType<ParticipantSnapshot>())
                {
                    facts.Apply(StatisticsFacts.Of(participant));
                }
            }
        }

        var labourMarket = await Task.WhenAll(Geography.Sweden.MunicipalitiesIn(countyCode)
            .Select(m => grains.ByKey<ILabourMarketGrain>(GrainKeys.LabourMarket(m.Code)).GetFactsAsync()));
        foreach (var municipality in labourMarket.Where(m => m.LatestMonths.Length > 0))
        {
            facts.Apply(municipality);
        }

        facts.Apply(await grains.ByKey<IRegionDialoguesGrain>(GrainKeys.RegionDialogues(countyCode)).GetFactsAsync());
        return facts;
    }
}
