namespace Dua.Domain;

/// <summary>Why a value breaks a rule, naming the field as the caller named it (its list name and, for an entry, the index).</summary>
public sealed record FieldViolation(string Field, string Description)
{
    /// <summary>The refusal a grain raises for this violation.</summary>
    public DomainRuleException ToException() => DomainRuleException.InvalidValue(Field, Description);
}
