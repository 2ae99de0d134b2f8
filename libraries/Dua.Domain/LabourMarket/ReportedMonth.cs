namespace Dua.Domain.LabourMarket;

/// <summary>A municipality's figures for one month (its first day), as they stand after any corrections.</summary>
public sealed record ReportedMonth(DateOnly Month, IMonthlyFigures Figures);
