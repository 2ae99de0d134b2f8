namespace Dua.Grains;

/// <summary>
/// A request a grain refuses, naming the rule, field or entity as the wire contract does. Grains whose rules moved
/// to the domain throw <see cref="Dua.Domain.DomainRuleException"/> instead; the gRPC edge maps both.
/// </summary>
[GenerateSerializer, Alias("dua.DomainException")]
public sealed class DomainException : Exception
{
    public DomainException(DomainErrorKind kind, string subject, string message)
        : base(message)
    {
        Kind = kind;
        Subject = subject;
    }

    [Id(0)]
    public DomainErrorKind Kind { get; }

    /// <summary>The rule broken (precondition), the field at fault (invalid argument) or the missing entity (not found).</summary>
    [Id(1)]
    public string Subject { get; }

    public static DomainException Precondition(string rule, string message) => new(DomainErrorKind.FailedPrecondition, rule, message);

    public static DomainException NotFound(string entity, string message) => new(DomainErrorKind.NotFound, entity, message);

    public static DomainException InvalidField(string field, string message) => new(DomainErrorKind.InvalidArgument, field, message);
}
