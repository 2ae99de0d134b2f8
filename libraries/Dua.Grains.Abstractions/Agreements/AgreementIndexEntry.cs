using Dua.Domain.Agreements;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Agreements;

/// <summary>What a municipality or county keeps of each of its agreements, to list and filter them.</summary>
[GenerateSerializer, Immutable, Alias("dua.AgreementIndexEntry")]
public sealed record AgreementIndexEntry(
    [property: Id(0)] string AgreementId,
    [property: Id(1)] AgreementKind Kind,
    [property: Id(2)] AgreementStatus Status)
{
    public static AgreementIndexEntry Of(AgreementSnapshot agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return new(agreement.Id, agreement.Kind, agreement.Status);
    }
}
