namespace Dua.Domain.LabourMarket;

/// <summary>
/// One municipality's unemployment for one month, as the domain judges and sums it. The subgroups overlap (a
/// newcomer aged 20 counts among the 18-24 too), and each is part of <see cref="Unemployed16To64"/>.
/// </summary>
/// <remarks>
/// An interface so that the figures the grains store, whose serialized form must not change, are the figures the
/// domain reads: there is one type of figures, not a stored one and a domain one to map between.
/// </remarks>
public interface IMonthlyFigures
{
    int Unemployed16To64 { get; }

    int Unemployed18To24 { get; }

    int UnemployedNewcomers { get; }

    int UnemployedOver12Months { get; }

    /// <summary>Percent of the labour force, when reported.</summary>
    double? UnemploymentRate { get; }
}
