namespace Dua.Domain.Dialogues;

/// <summary>
/// The rules of a county's regional dialogue conferences: whom a dialogue may invite, what its outcome may name,
/// and from when it may be recorded. Refusals name the fields in domain terms (<see cref="InvitedMunicipalities"/>,
/// <see cref="OutcomeMunicipalities"/>).
/// </summary>
public static class DialogueRules
{
    /// <summary>The entity a not-found refusal names for an unknown dialogue.</summary>
    public const string Dialogue = "dialogue";

    /// <summary>The municipalities a dialogue invites.</summary>
    public const string InvitedMunicipalities = "invitedMunicipalities";

    /// <summary>The invited municipalities that started work on an agreement after the dialogue.</summary>
    public const string OutcomeMunicipalities = "outcomeMunicipalities";

    /// <summary>The rule that an outcome is recorded only once the dialogue was held.</summary>
    public const string NotHeldYet = "dialogue-not-held-yet";

    /// <summary>A dialogue invites at least one municipality, each of its own county, none twice.</summary>
    /// <param name="list">The name the caller gives the list of codes, for the violations to name.</param>
    public static IEnumerable<FieldViolation> InvitationViolations(string list, string countyCode, IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count == 0)
        {
            yield return new FieldViolation(list, "needs at least one municipality");
        }

        foreach (var violation in CountyMunicipalities.OfCounty(list, countyCode, codes))
        {
            yield return violation;
        }
    }

    public static void RequireInvitable(string countyCode, IReadOnlyList<string> codes)
    {
        if (InvitationViolations(InvitedMunicipalities, countyCode, codes).FirstOrDefault() is { } violation)
        {
            throw violation.ToException();
        }
    }

    /// <summary>An outcome names only municipalities the dialogue invited, none twice; it may name none.</summary>
    public static void RequireOutcome(string dialogueId, IReadOnlyCollection<string> invited, IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(invited);
        ArgumentNullException.ThrowIfNull(codes);
        for (var i = 0; i < codes.Count; i++)
        {
            if (!invited.Contains(codes[i], StringComparer.Ordinal))
            {
                throw DomainRuleException.InvalidValue($"{OutcomeMunicipalities}[{i}]", $"'{codes[i]}' was not invited to {dialogueId}");
            }
        }

        if (CountyMunicipalities.Repeat(OutcomeMunicipalities, codes) is { } repeat)
        {
            throw repeat.ToException();
        }
    }

    /// <summary>What came of a dialogue can be recorded from the day it is held (Swedish dates).</summary>
    public static void RequireHeld(string dialogueId, DateOnly heldOn, DateOnly today)
    {
        if (heldOn > today)
        {
            throw DomainRuleException.Precondition(NotHeldYet,
                $"Dialogue {dialogueId} is to be held on {heldOn:yyyy-MM-dd}; its outcome can be recorded from that day on (today is {today:yyyy-MM-dd}).");
        }
    }

    /// <summary>Recording the outcome already recorded is no change: no new version, only the request is remembered.</summary>
    public static bool IsRecorded(IReadOnlyList<string>? recorded, IReadOnlyList<string> codes) =>
        recorded is not null && recorded.SequenceEqual(codes, StringComparer.Ordinal);
}
