using System.Collections.Frozen;
using Dua.Domain;
using Dua.Domain.Agreements;
using Dua.Domain.Dialogues;
using Dua.Domain.JobTracks;
using Dua.Domain.LabourMarket;
using Dua.Domain.Participants;
using Dua.Domain.Requests;

namespace Dua.Silo.Api;

/// <summary>
/// The dua.v1 names of what the domain names in its refusals, in one place: entities (the resource type of a
/// NOT_FOUND) and fields (the field of an INVALID_ARGUMENT). A rule's name (FAILED_PRECONDITION) reads the same on
/// both sides. A name not listed here is passed on as it is.
/// </summary>
public static class WireNames
{
    private static readonly FrozenDictionary<string, string> Entities = new Dictionary<string, string>
    {
        [KnownAreas.County] = "dua.v1.Region",
        [KnownAreas.Municipality] = "dua.v1.Municipality",
        [DialogueRules.Dialogue] = "dua.v1.Dialogue",
        [AgreementSnapshot.Entity] = "dua.v1.Agreement",
        [JobTrack.Entity] = "dua.v1.JobTrack",
        [ParticipantSnapshot.Entity] = "dua.v1.Participant",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Fields = new Dictionary<string, string>
    {
        [DialogueRules.InvitedMunicipalities] = "municipality_codes",
        [DialogueRules.OutcomeMunicipalities] = "municipality_codes",
        [ReportingMonth.Field] = "month",
        [MonthlyFiguresRules.Unemployed16To64] = "unemployed_16_64",
        [MonthlyFiguresRules.Unemployed18To24] = "unemployed_18_24",
        [MonthlyFiguresRules.UnemployedNewcomers] = "unemployed_newcomers",
        [MonthlyFiguresRules.UnemployedOver12Months] = "unemployed_over_12_months",
        [MonthlyFiguresRules.UnemploymentRate] = "unemployment_rate",
        [RequestKey.Field] = "request_id",
        [ValidityPeriod.ToField] = "valid_to",
        [AgreementTerms.FocusAreasField] = "focus_areas",
        [ProgressStep.OccurredOnField] = "occurred_on",
        [ProgressStep.Field] = "step",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every domain field the table names, for the tests that hold it to the contract.</summary>
    public static IEnumerable<string> DomainFields => Fields.Keys;

    public static string Entity(string domainEntity) => Entities.GetValueOrDefault(domainEntity, domainEntity);

    /// <summary>A field's wire name, keeping an entry's index: "invitedMunicipalities[2]" is "municipality_codes[2]".</summary>
    public static string Field(string domainField)
    {
        ArgumentNullException.ThrowIfNull(domainField);
        var bracket = domainField.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? domainField : domainField[..bracket];
        return Fields.TryGetValue(name, out var wire) ? wire + domainField[name.Length..] : domainField;
    }
}
