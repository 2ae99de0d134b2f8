using Google.Protobuf.WellKnownTypes;
using V1 = Dua.Contracts.V1;
using Dua.Grains.Abstractions.Dialogues;

namespace Dua.Silo.Api;

/// <summary>Maps dialogues between the dua.v1 contract and the domain.</summary>
public static class DialogueMapping
{
    public static V1.Dialogue MapToContract(this DialogueSnapshot d)
    {
        var dialogue = new V1.Dialogue
        {
            DialogueId = d.Id,
            RegionCode = d.RegionCode,
            Date = d.Plan.Date.ToString(AgreementMapping.DateFormat),
            Venue = d.Plan.Venue,
            Title = d.Plan.Title,
            Version = d.Version,
            CreatedAt = Timestamp.FromDateTimeOffset(d.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(d.UpdatedAt),
        };
        dialogue.InvitedMunicipalityCodes.AddRange(d.Plan.InvitedMunicipalityCodes);
        if (d.Outcome is { } outcome)
        {
            dialogue.Outcome = new V1.DialogueOutcome { RecordedAt = Timestamp.FromDateTimeOffset(outcome.RecordedAt) };
            dialogue.Outcome.MunicipalityCodes.AddRange(outcome.MunicipalityCodes);
        }

        return dialogue;
    }

    // From the contract: only after validation, so the date parses.

    public static DialoguePlan MapToDomain(this V1.ScheduleDialogueRequest r) => new(
        AgreementMapping.ParseDate(r.Date),
        r.Venue.Trim(),
        r.Title.Trim(),
        [.. r.MunicipalityCodes]);
}
