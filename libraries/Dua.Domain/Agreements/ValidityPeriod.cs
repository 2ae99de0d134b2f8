namespace Dua.Domain.Agreements;

/// <summary>The days an agreement is in force: from its first day to its last, which comes after it.</summary>
public sealed record ValidityPeriod
{
    public const string ToField = "validTo";

    public ValidityPeriod(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            throw DomainRuleException.InvalidValue(ToField, $"must be after the first day of validity ({from:yyyy-MM-dd})");
        }

        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }
}
