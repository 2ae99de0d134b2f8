using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;
using Dua.Grains.Abstractions.Participants;

namespace Dua.Grains.Tests;

public sealed class GrainReferencesTests(MemoryClusterFixture fixture) : IClassFixture<MemoryClusterFixture>
{
    [Fact]
    public async Task A_reference_by_key_is_the_one_Orleans_makes()
    {
        // Whichever call in the process came first resolved the types (other tests share the process); three keys
        // check the references made from them.
        var keys = new[] { "21-0000000000000001-p000001", "21-0000000000000001-p000002", "04-0000000000000002-p000001" }
            .Select(GrainKeys.Participant).ToArray();

        var byKey = keys.Select(key => fixture.Grains.ByKey<IParticipantGrain>(key)).ToArray();
        var byOrleans = keys.Select(key => fixture.Grains.GetGrain<IParticipantGrain>(key)).ToArray();

        Assert.Equal(byOrleans, byKey);
        Assert.All(byKey.Zip(byOrleans), pair =>
            Assert.Equal(((GrainReference)pair.Second).InterfaceType, ((GrainReference)pair.First).InterfaceType));
        // Another interface keeps its own types, and the reference reaches its grain.
        var agreement = fixture.Grains.ByKey<IAgreementGrain>(GrainKeys.Agreement("21-00000000000000ff"));
        Assert.Equal(fixture.Grains.GetGrain<IAgreementGrain>(GrainKeys.Agreement("21-00000000000000ff")), agreement);
        Assert.Null(await agreement.GetAsync());
    }
}
