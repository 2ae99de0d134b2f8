using Dua.Domain.Agreements;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Agreements.Surrogates;

/// <summary>How a signatory is stored and sent; the ids are those it was first stored with: never renumber or reuse one.</summary>
[GenerateSerializer, Immutable, Alias("dua.Signatory")]
public readonly record struct SignatorySurrogate(
    [property: Id(0)] string Name,
    [property: Id(1)] string Role,
    [property: Id(2)] Party Party);

[RegisterConverter]
public sealed class SignatoryConverter : IConverter<Signatory, SignatorySurrogate>
{
    public Signatory ConvertFromSurrogate(in SignatorySurrogate surrogate) =>
        new(surrogate.Name, surrogate.Role, surrogate.Party);

    public SignatorySurrogate ConvertToSurrogate(in Signatory value) => new(value.Name, value.Role, value.Party);
}
