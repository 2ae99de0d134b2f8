using Dua.Domain;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Surrogates;

/// <summary>How Orleans carries a <see cref="DomainRuleException"/> between silos. Ids are its serialized form: never renumber or reuse them.</summary>
[GenerateSerializer, Immutable, Alias("dua.DomainRuleException")]
public readonly record struct DomainRuleExceptionSurrogate(
    [property: Id(0)] DomainRuleKind Kind,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Message);

[RegisterConverter]
public sealed class DomainRuleExceptionConverter : IConverter<DomainRuleException, DomainRuleExceptionSurrogate>
{
    public DomainRuleException ConvertFromSurrogate(in DomainRuleExceptionSurrogate surrogate) =>
        new(surrogate.Kind, surrogate.Subject, surrogate.Message);

    public DomainRuleExceptionSurrogate ConvertToSurrogate(in DomainRuleException value) =>
        new(value.Kind, value.Subject, value.Message);
}
