using Orleans.Concurrency;
using System.Collections.Immutable;
using Dua.Grains.Abstractions.Agreements;

namespace Dua.Grains.Abstractions;

/// <summary>The live state of one municipality; keyed by <see cref="GrainKeys.Municipality"/>.</summary>
[Alias("dua.IMunicipalityGrain")]
public interface IMunicipalityGrain : IGrainWithStringKey
{
    /// <summary>The municipality, or null when none has been registered under this key.</summary>
    [Alias("Get")]
    [ReadOnly]
    Task<MunicipalityInfo?> GetAsync();

    /// <summary>Stores the municipality's reference data; returns false, and writes nothing, when it is already stored.</summary>
    [Alias("Register")]
    Task<bool> RegisterAsync(MunicipalityInfo municipality);

    /// <summary>Records an agreement's kind and status here, for listing and filtering; idempotent.</summary>
    [Alias("RecordAgreement")]
    Task RecordAgreementAsync(AgreementIndexEntry entry);

    /// <summary>This one's agreements, ordered by id.</summary>
    [Alias("ListAgreements")]
    [ReadOnly]
    Task<ImmutableArray<AgreementIndexEntry>> ListAgreementsAsync();
}
