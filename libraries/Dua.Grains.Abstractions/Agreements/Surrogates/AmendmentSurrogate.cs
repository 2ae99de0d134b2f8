using Dua.Domain.Agreements;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Agreements.Surrogates;

/// <summary>How an amendment is stored and sent; the ids are those it was first stored with: never renumber or reuse one.</summary>
[GenerateSerializer, Immutable, Alias("dua.Amendment")]
public readonly record struct AmendmentSurrogate(
    [property: Id(0)] long Version,
    [property: Id(1)] string Description,
    [property: Id(2)] DateTimeOffset RecordedAt,
    [property: Id(3)] string RequestId);

[RegisterConverter]
public sealed class AmendmentConverter : IConverter<Amendment, AmendmentSurrogate>
{
    public Amendment ConvertFromSurrogate(in AmendmentSurrogate surrogate) =>
        new(surrogate.Version, surrogate.Description, surrogate.RecordedAt, surrogate.RequestId);

    public AmendmentSurrogate ConvertToSurrogate(in Amendment value) =>
        new(value.Version, value.Description, value.RecordedAt, value.RequestId);
}
