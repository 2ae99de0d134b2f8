using System.Collections.Immutable;
using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;
using Dua.Domain.Participants;
using Dua.Domain.Requests;
using Dua.Grains;
using Dua.Grains.Agreements;
using Dua.Grains.Participants;
using Dua.Grains.Placement;
using Dua.Placement.Tests.Grains;
using Dua.ReferenceData;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;
using Dua.Grains.Abstractions.Participants;

namespace Dua.Placement.Tests;

/// <summary>Where a real 3-silo cluster activates grains when region-affinity placement is its default.</summary>
public sealed class RegionPlacementClusterTests(RegionClusterFixture fixture) : IClassFixture<RegionClusterFixture>
{
    [Fact]
    public async Task The_grains_of_one_county_share_a_silo_the_ring_chooses_and_counties_spread_over_silos()
    {
        var ring = new RegionRing(fixture.Silos);
        var siloOfCounty = new Dictionary<string, SiloAddress>();

        foreach (var county in Geography.Sweden.Counties.Select(c => c.Code))
        {
            var agreementId = $"{county}-{Guid.NewGuid():N}"[..19];
            var municipality = Geography.Sweden.MunicipalitiesIn(county)[^1].Code;
            string[] keys =
            [
                GrainKeys.Region(county),
                GrainKeys.Municipality(municipality),
                GrainKeys.Agreement(agreementId),
                GrainKeys.Participant($"{agreementId}-p000001"),
                GrainKeys.LabourMarket(municipality),
                GrainKeys.RegionDialogues(county),
                GrainKeys.RegionStatistics(county),
            ];

            var silos = await Task.WhenAll(keys.Select(key => fixture.Grains.GetGrain<ISiloProbeGrain>(key).GetSiloAsync()));

            Assert.All(silos, silo => Assert.Equal(ring.OwnerOf(county), silo));
            siloOfCounty[county] = silos[0];
        }

        Assert.Equal(21, siloOfCounty.Count);
        Assert.True(siloOfCounty.Values.Distinct().Count() >= 2, "21 counties should not all land on one of three silos.");
    }

    [Fact]
    public async Task A_grain_of_no_county_activates_on_the_silo_where_it_is_first_called()
    {
        foreach (var silo in fixture.Cluster.GetActiveSilos().Cast<InProcessSiloHandle>())
        {
            // Code in the silo, as the gRPC services are, calls grains through the silo's own factory.
            var grains = silo.ServiceProvider.GetRequiredService<IGrainFactory>();
            string[] keys = [GrainKeys.Person($"21{Guid.NewGuid():N}"), GrainKeys.CreateRequest($"21-{Guid.NewGuid():N}"), $"unknown-21-{Guid.NewGuid():N}"];

            var placed = await Task.WhenAll(keys.Select(key => grains.GetGrain<ISiloProbeGrain>(key).GetSiloAsync()));

            Assert.All(placed, p => Assert.Equal(silo.SiloAddress, p));
        }
    }

    [Fact]
    public async Task A_real_agreement_its_participant_municipality_and_county_activate_on_the_county_silo()
    {
        var ring = new RegionRing(fixture.Silos);
        var grainsByCounty = new Dictionary<string, GrainId[]>();
        foreach (var (county, municipality) in new[] { ("21", "2184"), ("04", "0484"), ("01", "0180") })
        {
            var agreementId = $"{county}-{Guid.NewGuid():N}"[..19];
            var agreement = fixture.Grains.GetGrain<IAgreementGrain>(GrainKeys.Agreement(agreementId));
            await agreement.CreateAsync(NewRequest(), Draft(county, municipality));
            var track = (await agreement.AddJobTrackAsync(NewRequest(), Track())).JobTrackId;
            await agreement.SignAsync(NewRequest(), new ValidityPeriod(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)));

            var pseudonym = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
            var person = fixture.Grains.GetGrain<IPersonGrain>(GrainKeys.Person(pseudonym));
            var enrolled = await person.EnrolAsync(NewRequest(), new Enrolment(agreementId, pseudonym, AgeBand.From20To24, [TargetGroup.Youth], new DateOnly(2026, 2, 2)));
            var participant = fixture.Grains.GetGrain<IParticipantGrain>(GrainKeys.Participant(enrolled.Id));
            await participant.RecordAsync(NewRequest(), new ProgressStep(ParticipantEventKind.JobPreparationStarted, new DateOnly(2026, 3, 2)));
            await participant.RecordAsync(NewRequest(), new ProgressStep(ParticipantEventKind.PathChosen, new DateOnly(2026, 4, 1), PathChoice.Work));
            await participant.RecordAsync(NewRequest(), new ProgressStep(ParticipantEventKind.JobTrackStarted, new DateOnly(2026, 5, 4), JobTrackId: track));

            grainsByCounty[county] =
            [
                agreement.GetGrainId(),
                participant.GetGrainId(),
                fixture.Grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(municipality)).GetGrainId(),
                fixture.Grains.GetGrain<IRegionGrain>(GrainKeys.Region(county)).GetGrainId(),
            ];
        }

        var activations = (await fixture.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics())
            .ToLookup(a => a.GrainId, a => a.SiloAddress);
        foreach (var (county, grains) in grainsByCounty)
        {
            Assert.All(grains, grain => Assert.Equal([ring.OwnerOf(county)], activations[grain]));
        }
    }

    private static RequestKey NewRequest() => new($"req-{Guid.NewGuid():N}", "content");

    private static AgreementDraft Draft(string county, string municipality) => new(
        AgreementKind.Youth,
        [municipality],
        county,
        new AgreementTerms(
            "Arbetsförmedlingen",
            [new Signatory("Anna Berg", "Kommunstyrelsens ordförande", Party.Municipality), new Signatory("Erik Lund", "Sektionschef", Party.EmploymentService)],
            [TargetGroup.Youth],
            [],
            []));

    private static JobTrackSpec Track() => new(
        "Undersköterska", "5321", [new Employer("Regionens sjukhus", "232100-0040")], "SFI D", [],
        ImmutableArray.Create(new JobTrackComponent(JobTrackComponentKind.Internship, 12)), LengthWeeks: 20, Places: 5);
}
