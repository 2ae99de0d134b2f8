using Orleans.Concurrency;
using System.Collections.Immutable;
using Dua.Grains.Abstractions.Agreements;

namespace Dua.Grains.Abstractions;

/// <summary>The live state of one county; keyed by <see cref="GrainKeys.Region"/>.</summary>
[Alias("dua.IRegionGrain")]
public interface IRegionGrain : IGrainWithStringKey
{
    /// <summary>The county, or null when no county has been registered under this key.</summary>
    [Alias("Get")]
    [ReadOnly]
    Task<RegionInfo?> GetAsync();

    /// <summary>Stores the county's reference data; returns false, and writes nothing, when it is already stored.</summary>
    [Alias("Register")]
    Task<bool> RegisterAsync(RegionInfo region);

    /// <summary>Records an agreement's kind and status here, for listing and filtering; idempotent.</summary>
    [Alias("RecordAgreement")]
    Task RecordAgreementAsync(AgreementIndexEntry entry);

    /// <summary>This one's agreements, ordered by id.</summary>
    [Alias("ListAgreements")]
    [ReadOnly]
    Task<ImmutableArray<AgreementIndexEntry>> ListAgreementsAsync();
}
