using System.Collections.Immutable;
using Dua.Domain.Agreements;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;

namespace Dua.Grains.Agreements;

/// <summary>
/// A newly signed agreement supersedes the agreement of its kind in force for its municipalities: found through
/// the municipalities' indexes, and ended through its own grain.
/// </summary>
internal sealed class AgreementSupersession(IGrainFactory grains)
{
    /// <summary>The agreement the signing of <paramref name="agreement"/> supersedes, if any.</summary>
    public async Task<string?> PredecessorOfAsync(AgreementSnapshot agreement) => (await InForceOfSameKindAsync(agreement)).FirstOrDefault();

    /// <summary>Ends every other agreement of its kind in force for its municipalities; a retry ends none twice.</summary>
    public async Task SupersedePredecessorsAsync(AgreementSnapshot signed)
    {
        // A retried sign of an agreement that has since ended must not end the one now in force.
        if (!signed.InForce)
        {
            return;
        }

        foreach (var predecessor in await InForceOfSameKindAsync(signed))
        {
            await grains.ByKey<IAgreementGrain>(GrainKeys.Agreement(predecessor)).SupersedeAsync(signed.Id);
        }
    }

    private async Task<ImmutableArray<string>> InForceOfSameKindAsync(AgreementSnapshot agreement)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var code in agreement.MunicipalityCodes)
        {
            var entries = await grains.ByKey<IMunicipalityGrain>(GrainKeys.Municipality(code)).ListAgreementsAsync();
            found.UnionWith(entries
                .Where(e => e.Kind == agreement.Kind && e.Status == AgreementStatus.Signed && e.AgreementId != agreement.Id)
                .Select(e => e.AgreementId));
        }

        return [.. found];
    }
}
