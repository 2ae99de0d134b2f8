using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;
using static Dua.Domain.Tests.AgreementSamples;

namespace Dua.Domain.Tests;

/// <summary>An agreement's lifecycle as plain functions: DRAFT, SIGNED, ENDED, and the changes each allows.</summary>
public sealed class AgreementLifecycleTests
{
    [Fact]
    public void A_new_agreement_is_a_draft_at_version_1_with_no_tracks()
    {
        var draft = Draft(AgreementKind.Youth);

        Assert.Equal((Id, AgreementKind.Youth, AgreementStatus.Draft, 1L), (draft.Id, draft.Kind, draft.Status, draft.Version));
        Assert.Empty(draft.JobTracks);
        Assert.Equal((Now, Now), (draft.CreatedAt, draft.UpdatedAt));
        Assert.False(draft.InForce);
    }

    [Theory]
    [InlineData(AgreementKind.Youth)]
    [InlineData(AgreementKind.Newcomers)]
    public void Focus_areas_are_for_collaboration_agreements_only(AgreementKind kind)
    {
        Refusal(() => _ = new AgreementDraft(kind, ["2184"], "21", Terms(FocusArea.SpecialSupport)), DomainRuleKind.InvalidValue, AgreementTerms.FocusAreasField);

        var collaboration = new AgreementDraft(AgreementKind.Collaboration, ["2184"], "21", Terms(FocusArea.SpecialSupport));
        Assert.Equal([FocusArea.SpecialSupport], collaboration.Terms.FocusAreas.AsEnumerable());
    }

    [Fact]
    public void A_validity_period_ends_after_it_begins()
    {
        var day = new DateOnly(2026, 1, 1);
        Refusal(() => _ = new ValidityPeriod(day, day), DomainRuleKind.InvalidValue, ValidityPeriod.ToField);
        Refusal(() => _ = new ValidityPeriod(day, day.AddDays(-1)), DomainRuleKind.InvalidValue, ValidityPeriod.ToField);
        Assert.Equal(day.AddDays(1), new ValidityPeriod(day, day.AddDays(1)).To);
    }

    [Fact]
    public void Signing_takes_the_period_and_the_predecessor_and_bumps_the_version()
    {
        var draft = Draft().WithTracks(3);

        var signed = draft.Sign(Validity, "21-1111111111111111", Now.AddDays(1));

        Assert.Equal((AgreementStatus.Signed, Validity.From, Validity.To), (signed.Status, signed.ValidFrom!.Value, signed.ValidTo!.Value));
        Assert.Equal(("21-1111111111111111", draft.Version + 1, Now.AddDays(1)), (signed.PredecessorId, signed.Version, signed.UpdatedAt));
        Assert.True(signed.InForce);
        Refusal(() => signed.Sign(Validity, null, Now), DomainRuleKind.Precondition, "agreement-not-draft");
    }

    [Fact]
    public void A_newcomer_agreement_is_signed_only_with_three_open_tracks_with_an_employer()
    {
        var draft = Draft().WithTracks(2).AddJobTrack("t3", Track("Förberedande", withEmployer: false), "req-prep", Now);

        var refused = Refusal(() => draft.Sign(Validity, null, Now), DomainRuleKind.Precondition, NewcomerJobTrackRule.Rule);
        Assert.Contains("has 2 (of 3 tracks in all)", refused.Message, StringComparison.Ordinal);

        // Youth agreements need no tracks at all.
        Assert.Equal(AgreementStatus.Signed, Draft(AgreementKind.Youth).Sign(Validity, null, Now).Status);
        Assert.Equal(NewcomerJobTrackRule.Required, Draft().WithTracks(3).Sign(Validity, null, Now).JobTracks.Length);
    }

    [Fact]
    public void Amending_a_draft_changes_its_terms_without_recording_an_amendment()
    {
        var amended = Draft().Amend(new AgreementAmendment("Nytt kontor", EmploymentOffice: "Arbetsförmedlingen Ljusdal"), "req-amend", Now);

        Assert.Equal(("Arbetsförmedlingen Ljusdal", 2L), (amended.Terms.EmploymentOffice, amended.Version));
        Assert.Equal(Terms().Signatories.AsEnumerable(), amended.Terms.Signatories.AsEnumerable());
        Assert.Empty(amended.Amendments);
        Refusal(() => Draft().Amend(new AgreementAmendment("Slutdatum", ValidTo: new DateOnly(2028, 1, 1)), "req", Now),
            DomainRuleKind.Precondition, "valid-to-needs-signed-agreement");
    }

    [Fact]
    public void Amending_a_signed_agreement_records_the_amendment_and_keeps_its_period_in_order()
    {
        var signed = Signed();

        var extended = signed.Amend(new AgreementAmendment("Förlängd", ValidTo: new DateOnly(2028, 12, 31)), "req-extend", Now);

        Assert.Equal(new DateOnly(2028, 12, 31), extended.ValidTo);
        Assert.Equal(new Amendment(signed.Version + 1, "Förlängd", Now, "req-extend"), extended.Amendments[^1]);
        Refusal(() => signed.Amend(new AgreementAmendment("Bakåt", ValidTo: Validity.From), "req", Now), DomainRuleKind.InvalidValue, ValidityPeriod.ToField);
        Refusal(() => signed.Amend(new AgreementAmendment("Fokus", FocusAreas: [FocusArea.SpecialSupport]), "req", Now),
            DomainRuleKind.InvalidValue, AgreementTerms.FocusAreasField);
    }

    [Fact]
    public void Only_a_signed_agreement_ends_and_an_ended_one_changes_no_more()
    {
        Refusal(() => Draft().End(EndReason.Terminated, "Uppsagt", Now), DomainRuleKind.Precondition, "agreement-not-signed");

        var ended = Signed().End(EndReason.Terminated, "Uppsagt", Now);

        Assert.Equal((AgreementStatus.Ended, EndReason.Terminated, "Uppsagt"), (ended.Status, ended.EndReason, ended.EndNote));
        Refusal(() => ended.Amend(new AgreementAmendment("Sent"), "req", Now), DomainRuleKind.Precondition, "agreement-ended");
        Refusal(() => ended.AddJobTrack("t4", Track(), "req", Now), DomainRuleKind.Precondition, "agreement-ended");
        Refusal(() => ended.CloseJobTrack("t1", "req", Now), DomainRuleKind.Precondition, "agreement-ended");
        Refusal(() => ended.End(EndReason.Expired, "", Now), DomainRuleKind.Precondition, "agreement-not-signed");
    }

    [Fact]
    public void A_signed_agreement_is_superseded_by_its_successor_and_any_other_stays_as_it_is()
    {
        var superseded = Signed().Supersede("21-2222222222222222", Now);

        Assert.Equal((AgreementStatus.Ended, EndReason.Superseded, "21-2222222222222222"), (superseded.Status, superseded.EndReason, superseded.SuccessorId));
        Assert.Same(superseded, superseded.Supersede("21-3333333333333333", Now));
        var draft = Draft();
        Assert.Same(draft, draft.Supersede("21-2222222222222222", Now));
    }

    [Fact]
    public void An_unknown_agreement_or_job_track_is_not_found_in_domain_terms()
    {
        Refusal(() => AgreementSnapshot.Existing(null, Id), DomainRuleKind.NotFound, AgreementSnapshot.Entity);
        Refusal(() => Draft().Track("t9"), DomainRuleKind.NotFound, JobTrack.Entity);
        Assert.Equal("agreement-exists", AgreementLifecycle.AlreadyExists(Id).Subject);
    }
}
