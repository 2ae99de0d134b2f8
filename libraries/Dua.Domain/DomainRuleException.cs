namespace Dua.Domain;

/// <summary>
/// The domain refuses a request. It names the rule, the entity kind or the field in domain terms; the edge that
/// serves a wire contract turns it into that contract's status and field names, in one place.
/// </summary>
public sealed class DomainRuleException(DomainRuleKind kind, string subject, string message) : Exception(message)
{
    public DomainRuleKind Kind { get; } = kind;

    /// <summary>The rule broken, the entity kind not found, or the field at fault (domain names, not wire names).</summary>
    public string Subject { get; } = subject;

    public static DomainRuleException Precondition(string rule, string message) => new(DomainRuleKind.Precondition, rule, message);

    public static DomainRuleException NotFound(string entity, string message) => new(DomainRuleKind.NotFound, entity, message);

    public static DomainRuleException InvalidValue(string field, string message) => new(DomainRuleKind.InvalidValue, field, message);
}
