namespace Dua.Domain;

/// <summary>What kind of refusal a <see cref="DomainRuleException"/> is; the gRPC edge maps each to one status.</summary>
public enum DomainRuleKind
{
    /// <summary>The request is well formed but a rule forbids it now (the subject names the rule).</summary>
    Precondition = 0,

    /// <summary>The entity the request names does not exist (the subject names the entity kind).</summary>
    NotFound = 1,

    /// <summary>A value breaks a rule of its own (the subject names the field, in domain terms).</summary>
    InvalidValue = 2,
}
