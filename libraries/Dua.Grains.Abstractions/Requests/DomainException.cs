namespace Dua.Grains;

/// <summary>
/// A request the domain refuses. It crosses grain calls intact (serializable), and the gRPC edge maps its
/// <see cref="Kind"/> to a status once, in one place.
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
