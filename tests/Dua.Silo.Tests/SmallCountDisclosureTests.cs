using Dua.Contracts.V1;
using Dua.Testing;
using static Dua.Testing.Requests.AgreementRequests;
using static Dua.Testing.Requests.ParticipantRequests;

namespace Dua.Silo.Tests;

/// <summary>
/// A regional office sees small counts of people suppressed in every summary it may read, also when it asks for a
/// smaller area; agencies and operations see the exact counts. Each class has a silo of its own, since suppression
/// depends on every county's figures.
/// </summary>
public sealed class SmallCountDisclosureTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>
{
    [Fact]
    public async Task A_county_with_three_participants_shows_them_suppressed_to_its_regional_office_only()
    {
        var (agreementId, _) = await SignedAgreementAsync(new(silo.Channel), AgreementKind.Youth, Hudiksvall, 2);
        var participants = new ParticipantService.ParticipantServiceClient(silo.Channel);
        for (var i = 0; i < 3; i++)
        {
            await participants.EnrolParticipantAsync(Enrol(agreementId, NewPerson().Ten));
        }

        var agency = new StatisticsService.StatisticsServiceClient(silo.Channel);
        await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(10), "the county's summary counts the enrolments", async () =>
            (await agency.GetRegionSummaryAsync(new() { RegionCode = Gavleborg })).Region.Summary.Participants.Enrolled.Value == 3);

        var office = new StatisticsService.StatisticsServiceClient(silo.ChannelFor(TestCallers.RegionalOffice(Gavleborg)));
        var county = (await office.GetRegionSummaryAsync(new() { RegionCode = Gavleborg })).Region.Summary.Participants;
        AssertSuppressed(county.Enrolled, county.InModule1);
        var hudiksvall = (await office.GetMunicipalitySummaryAsync(new() { MunicipalityCode = Hudiksvall })).Municipality.Summary.Participants;
        AssertSuppressed(hudiksvall.Enrolled, hudiksvall.InModule1);
        foreach (var code in Dua.ReferenceData.Geography.Sweden.MunicipalitiesIn(Gavleborg).Select(m => m.Code))
        {
            var municipality = (await office.GetMunicipalitySummaryAsync(new() { MunicipalityCode = code })).Municipality.Summary.Participants;
            Assert.True(municipality.Enrolled.Suppressed || municipality.Enrolled.Value == 0, $"municipality {code} shows {municipality.Enrolled.Value}");
        }

        using var watch = office.WatchRegionSummary(new() { RegionCode = Gavleborg });
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None));
        AssertSuppressed(watch.ResponseStream.Current.Region.Summary.Participants.Enrolled);

        // Agencies and operations see the exact counts.
        var exactCounty = (await agency.GetRegionSummaryAsync(new() { RegionCode = Gavleborg })).Region.Summary.Participants;
        Assert.Equal((3L, false), (exactCounty.Enrolled.Value, exactCounty.Enrolled.Suppressed));
        var operations = new StatisticsService.StatisticsServiceClient(silo.ChannelFor(TestCallers.Operations));
        var exactHudiksvall = (await operations.GetMunicipalitySummaryAsync(new() { MunicipalityCode = Hudiksvall })).Municipality.Summary.Participants;
        Assert.Equal((3L, false), (exactHudiksvall.Enrolled.Value, exactHudiksvall.Enrolled.Suppressed));
        var national = await operations.GetNationalSummaryAsync(new());
        Assert.Equal(3L, national.Summary.Participants.Enrolled.Value);

        // A regional office for the whole country finds the same counts suppressed in the national summary.
        var countryOffice = new StatisticsService.StatisticsServiceClient(silo.ChannelFor(TestCallers.RegionalOffice("SE")));
        var suppressedNational = await countryOffice.GetNationalSummaryAsync(new());
        AssertSuppressed(suppressedNational.Summary.Participants.Enrolled, suppressedNational.Regions.Single(r => r.RegionCode == Gavleborg).Summary.Participants.Enrolled);
    }

    internal static void AssertSuppressed(params PersonCount[] counts) =>
        Assert.All(counts, c => Assert.Equal((0L, true), (c.Value, c.Suppressed)));
}

/// <summary>
/// A small count beside larger ones in the same county: the next smallest municipality is withheld too, or the
/// county's figure minus the shown municipalities would give the small one away.
/// </summary>
public sealed class DifferencingSuppressionTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>
{
    [Fact]
    public async Task The_county_minus_the_shown_municipalities_does_not_reveal_a_small_one()
    {
        const string nykoping = "0480";
        var participants = new ParticipantService.ParticipantServiceClient(silo.Channel);
        var agreements = new AgreementService.AgreementServiceClient(silo.Channel);
        var (eskilstuna, _) = await SignedAgreementAsync(agreements, AgreementKind.Youth, Eskilstuna, 2);
        var (nykopingAgreement, _) = await SignedAgreementAsync(agreements, AgreementKind.Youth, nykoping, 2);
        for (var i = 0; i < 2; i++)
        {
            await participants.EnrolParticipantAsync(Enrol(eskilstuna, NewPerson().Ten));
        }

        for (var i = 0; i < 8; i++)
        {
            await participants.EnrolParticipantAsync(Enrol(nykopingAgreement, NewPerson().Ten));
        }

        var agency = new StatisticsService.StatisticsServiceClient(silo.Channel);
        await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(10), "the county's summary counts the enrolments", async () =>
            (await agency.GetRegionSummaryAsync(new() { RegionCode = Sodermanland })).Region.Summary.Participants.Enrolled.Value == 10);

        var office = new StatisticsService.StatisticsServiceClient(silo.ChannelFor(TestCallers.RegionalOffice(Sodermanland)));
        var county = (await office.GetRegionSummaryAsync(new() { RegionCode = Sodermanland })).Region.Summary.Participants;
        Assert.Equal((10L, false), (county.Enrolled.Value, county.Enrolled.Suppressed));
        var small = (await office.GetMunicipalitySummaryAsync(new() { MunicipalityCode = Eskilstuna })).Municipality.Summary.Participants;
        var next = (await office.GetMunicipalitySummaryAsync(new() { MunicipalityCode = nykoping })).Municipality.Summary.Participants;
        SmallCountDisclosureTests.AssertSuppressed(small.Enrolled, next.Enrolled, next.InModule1);

        var exact = (await agency.GetMunicipalitySummaryAsync(new() { MunicipalityCode = nykoping })).Municipality.Summary.Participants;
        Assert.Equal((8L, false), (exact.Enrolled.Value, exact.Enrolled.Suppressed));
    }
}
