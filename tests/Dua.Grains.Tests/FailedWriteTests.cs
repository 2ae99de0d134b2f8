using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;
using Dua.Domain.Participants;
using Dua.Domain.Requests;
using Dua.Grains.Agreements;
using static Dua.Grains.Tests.AgreementTestData;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;

namespace Dua.Grains.Tests;

/// <summary>A write that fails is not acknowledged, so nothing of it may stay in the grain's memory either.</summary>
public sealed class FailedWriteTests(FailingWritesClusterFixture fixture) : IClassFixture<FailingWritesClusterFixture>
{
    [Fact]
    public async Task A_change_that_was_not_stored_is_forgotten_and_its_retry_applies_it_once()
    {
        var agreement = fixture.Grains.GetGrain<IAgreementGrain>(GrainKeys.Agreement(NewAgreementId()));
        var created = await agreement.CreateAsync(NewRequest(), Youth("2181"));
        var addTrack = NewRequest();

        fixture.Storage.FailNextWrite = true;
        await Assert.ThrowsAnyAsync<Exception>(() => agreement.AddJobTrackAsync(addTrack, TrackWithEmployer("Undersköterska")));

        var after = await agreement.GetAsync();
        Assert.Equal(created.Version, after!.Version);
        Assert.Empty(after.JobTracks);

        // The retry is not mistaken for an applied request, and the failed attempt used up no track id.
        var added = await agreement.AddJobTrackAsync(addTrack, TrackWithEmployer("Undersköterska"));
        Assert.Equal("t1", added.JobTrackId);
        Assert.Single(added.Agreement.JobTracks);
    }
}
