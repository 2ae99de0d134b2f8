using Dua.Domain;

namespace Dua.Grains.Serialization;

/// <summary>
/// A domain refusal as it crosses a grain call: its kind, subject and message, so the edge on another silo can
/// still answer with the right status, rule and field.
/// </summary>
[GenerateSerializer, Immutable, Alias("dua.DomainRuleException")]
public readonly record struct DomainRuleExceptionSurrogate(
    [property: Id(0)] DomainRuleKind Kind,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Message);

[RegisterConverter]
public sealed class DomainRuleExceptionConverter : IConverter<DomainRuleException, DomainRuleExceptionSurrogate>
{
    public DomainRuleException ConvertFromSurrogate(in DomainRuleExceptionSurrogate surrogate) => new(surrogate.Kind, surrogate.Subject, surrogate.Message);

    public DomainRuleExceptionSurrogate ConvertToSurrogate(in DomainRuleException value) => new(value.Kind, value.Subject, value.Message);
}

[RegisterSerializer]
public sealed class DomainRuleKindCodec : StoredEnumCodec<DomainRuleKind>;
