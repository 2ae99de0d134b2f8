using System.Collections.Concurrent;
using System.Collections.Immutable;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;

namespace Dua.Silo.Security;

/// <summary>
/// The municipalities each agreement covers, for access checks on writes to it and to its participants. They are
/// fixed when the agreement is created and never change, so once read they are kept for the life of the process
/// and a check costs no grain call; an agreement not found is not kept (it may be created later). One small entry
/// per agreement the silo has served.
/// </summary>
public sealed class AgreementAreas(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, ImmutableArray<string>> _known = new(StringComparer.Ordinal);

    /// <summary>The agreement's municipalities, or null when no agreement has this id.</summary>
    public async ValueTask<ImmutableArray<string>?> OfAsync(string agreementId)
    {
        if (_known.TryGetValue(agreementId, out var codes))
        {
            return codes;
        }

        var agreement = await grains.ByKey<IAgreementGrain>(GrainKeys.Agreement(agreementId)).GetAsync();
        return agreement is null ? null : _known.GetOrAdd(agreementId, agreement.MunicipalityCodes);
    }
}
