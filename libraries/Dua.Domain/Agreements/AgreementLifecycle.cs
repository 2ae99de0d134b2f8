namespace Dua.Domain.Agreements;

/// <summary>
/// The lifecycle of an agreement: created as a DRAFT, SIGNED for a period, ENDED (expired, terminated, or
/// superseded by a newer agreement of its kind). Each step returns the agreement it leaves, or refuses.
/// </summary>
public static class AgreementLifecycle
{
    public static AgreementSnapshot Create(string id, AgreementDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new AgreementSnapshot(
            id, draft.Kind, AgreementStatus.Draft, draft.MunicipalityCodes, draft.RegionCode, draft.Terms,
            JobTracks: [], ValidFrom: null, ValidTo: null, EndReason.Unspecified, EndNote: "", SuccessorId: null,
            PredecessorId: null, Amendments: [], Version: 1, CreatedAt: now, UpdatedAt: now);
    }

    /// <summary>An agreement under this id exists already: only a retry of its own create may name it again.</summary>
    public static DomainRuleException AlreadyExists(string id) =>
        DomainRuleException.Precondition("agreement-exists", $"Agreement {id} already exists.");

    /// <summary>New terms, or a new last day of a signed agreement; after signing, a change is recorded as an amendment.</summary>
    public static AgreementSnapshot Amend(this AgreementSnapshot agreement, AgreementAmendment amendment, string requestId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(amendment);
        var terms = agreement.Terms.With(amendment);
        terms.RequireFitFor(agreement.Kind);
        agreement.RequireNotEnded();
        var validTo = agreement.ValidTo;
        if (amendment.ValidTo is { } newValidTo)
        {
            if (agreement.Status != AgreementStatus.Signed)
            {
                throw DomainRuleException.Precondition("valid-to-needs-signed-agreement",
                    "The last day of validity can only be amended on a SIGNED agreement; a draft gets its dates when signed.");
            }

            validTo = new ValidityPeriod(agreement.ValidFrom!.Value, newValidTo).To;
        }

        return (agreement with { Terms = terms, ValidTo = validTo }).Changed(amendment.Description, requestId, now);
    }

    /// <summary>Signs a DRAFT for <paramref name="validity"/>, in place of <paramref name="predecessorId"/> (the agreement of its kind in force, if any).</summary>
    public static AgreementSnapshot Sign(this AgreementSnapshot agreement, ValidityPeriod validity, string? predecessorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(validity);
        if (agreement.Status != AgreementStatus.Draft)
        {
            throw DomainRuleException.Precondition("agreement-not-draft", $"Only a DRAFT agreement can be signed; {agreement.Id} is {agreement.StatusName}.");
        }

        NewcomerJobTrackRule.Require(agreement, "to be signed");
        return agreement with
        {
            Status = AgreementStatus.Signed,
            ValidFrom = validity.From,
            ValidTo = validity.To,
            PredecessorId = predecessorId,
            Version = agreement.Version + 1,
            UpdatedAt = now,
        };
    }

    public static AgreementSnapshot End(this AgreementSnapshot agreement, EndReason reason, string note, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (agreement.Status != AgreementStatus.Signed)
        {
            throw DomainRuleException.Precondition("agreement-not-signed", $"Only a SIGNED agreement can be ended; {agreement.Id} is {agreement.StatusName}.");
        }

        return agreement with { Status = AgreementStatus.Ended, EndReason = reason, EndNote = note, Version = agreement.Version + 1, UpdatedAt = now };
    }

    /// <summary>A newer agreement of the same kind was signed for these municipalities: a signed agreement ends; any other stays as it is.</summary>
    public static AgreementSnapshot Supersede(this AgreementSnapshot agreement, string successorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return agreement.Status != AgreementStatus.Signed
            ? agreement
            : agreement with
            {
                Status = AgreementStatus.Ended,
                EndReason = EndReason.Superseded,
                SuccessorId = successorId,
                Version = agreement.Version + 1,
                UpdatedAt = now,
            };
    }

    public static void RequireNotEnded(this AgreementSnapshot agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (agreement.Status == AgreementStatus.Ended)
        {
            throw DomainRuleException.Precondition("agreement-ended", $"Agreement {agreement.Id} has ended and can no longer change.");
        }
    }

    /// <param name="what">What needs the agreement in force, for the message ("Participants can only be enrolled in").</param>
    public static void RequireInForce(this AgreementSnapshot agreement, string what)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (!agreement.InForce)
        {
            throw DomainRuleException.Precondition("agreement-not-in-force", $"{what} a SIGNED agreement; {agreement.Id} is {agreement.StatusName}.");
        }
    }

    /// <summary>A change of terms or job tracks: a new version, and after signing an amendment that records it.</summary>
    internal static AgreementSnapshot Changed(this AgreementSnapshot agreement, string description, string requestId, DateTimeOffset now)
    {
        var version = agreement.Version + 1;
        var amendments = agreement.Status == AgreementStatus.Signed
            ? agreement.Amendments.Add(new Amendment(version, description, now, requestId))
            : agreement.Amendments;
        return agreement with { Version = version, Amendments = amendments, UpdatedAt = now };
    }
}
