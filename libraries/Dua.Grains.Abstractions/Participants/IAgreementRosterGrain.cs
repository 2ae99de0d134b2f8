using Orleans.Concurrency;
using System.Collections.Immutable;
using Dua.Domain.Participants;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Participants;

/// <summary>
/// The ids of up to <see cref="BucketSize"/> of an agreement's participants (by sequence number); keyed by
/// <see cref="GrainKeys.Roster"/>. Buckets keep each write small however many participants an agreement has.
/// </summary>
[Alias("dua.IAgreementRosterGrain")]
public interface IAgreementRosterGrain : IGrainWithStringKey
{
    public const int BucketSize = ParticipantRoster.BucketSize;

    [Alias("Add")]
    Task AddAsync(string participantId);

    [Alias("List")]
    [ReadOnly]
    Task<ImmutableArray<string>> ListAsync();
}
