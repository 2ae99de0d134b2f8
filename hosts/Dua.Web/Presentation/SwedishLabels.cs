using Dua.Contracts.V1;

namespace Dua.Web.Presentation;

/// <summary>The Swedish words for the contract's enums, as the pages and their CSV files show them.</summary>
public static class SwedishLabels
{
    public static string Of(AgreementKind kind) => kind switch
    {
        AgreementKind.Youth => "Unga",
        AgreementKind.Newcomers => "Nyanlända",
        AgreementKind.Collaboration => "Samverkan",
        _ => "Okänd",
    };

    public static string Of(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => "Utkast",
        AgreementStatus.Signed => "Gäller",
        AgreementStatus.Ended => "Avslutad",
        _ => "Okänd",
    };

    public static string Of(ExitOutcome outcome) => outcome switch
    {
        ExitOutcome.Employment => "Arbete",
        ExitOutcome.SubsidisedEmployment => "Subventionerat arbete",
        ExitOutcome.RegularStudies => "Reguljära studier",
        ExitOutcome.Other => "Annat",
        ExitOutcome.Unknown => "Okänt",
        _ => "Ospecificerat",
    };

    public static string Of(Party party) => party switch
    {
        Party.Municipality => "Kommunen",
        Party.EmploymentService => "Arbetsförmedlingen",
        Party.Other => "Annan part",
        _ => "",
    };

    public static string Of(TargetGroup group) => group switch
    {
        TargetGroup.Youth => "Unga",
        TargetGroup.Newcomers => "Nyanlända",
        TargetGroup.LongTermUnemployed => "Långtidsarbetslösa",
        TargetGroup.SpecialSupport => "Särskilt stöd",
        _ => "",
    };

    /// <summary>The kinds of agreement in force (signed) in an area, "Unga, Nyanlända"; "Inga" when none.</summary>
    public static string AgreementsInForce(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var kinds = summary.Agreements
            .Where(a => a.Status == AgreementStatus.Signed && a.Count > 0)
            .Select(a => a.Kind)
            .Distinct()
            .Order()
            .Select(Of)
            .ToList();
        return kinds.Count == 0 ? "Inga" : string.Join(", ", kinds);
    }
}
