using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;
using static Dua.Domain.Tests.AgreementSamples;

namespace Dua.Domain.Tests;

/// <summary>Job tracks: changes to an agreement's tracks, admissions, and the places participants take.</summary>
public sealed class JobTrackRulesTests
{
    [Fact]
    public void Tracks_are_added_open_with_no_places_taken_and_after_signing_each_change_is_an_amendment()
    {
        var draft = Draft().WithTracks(1);
        var track = Assert.Single(draft.JobTracks);
        Assert.Equal(("t1", true, 0, false), (track.Id, track.Open, track.PlacesTaken, track.IsPreparatory));
        Assert.Empty(draft.Amendments);

        var signed = Signed().AddJobTrack("t4", Track("Barnskötare"), "req-t4", Now);
        Assert.Equal("Job track t4 added: Barnskötare", signed.Amendments[^1].Description);
        Assert.True(new JobTrack("t5", Track(withEmployer: false), 0, true).IsPreparatory);
    }

    [Fact]
    public void A_signed_newcomer_agreement_keeps_three_open_tracks_with_an_employer()
    {
        var signed = Signed();

        Refusal(() => signed.CloseJobTrack("t1", "req", Now), DomainRuleKind.Precondition, NewcomerJobTrackRule.Rule);
        Refusal(() => signed.UpdateJobTrack("t2", Track(withEmployer: false), "req", Now), DomainRuleKind.Precondition, NewcomerJobTrackRule.Rule);

        var fourth = signed.AddJobTrack("t4", Track(), "req-t4", Now);
        Assert.False(fourth.CloseJobTrack("t1", "req-close", Now).Track("t1").Open);
    }

    [Fact]
    public void A_track_is_closed_once_and_its_places_never_drop_below_those_taken()
    {
        var agreement = Signed().TakePlace("t1", "21-0123456789abcdef-p000001", Now).AddJobTrack("t4", Track(), "req-t4", Now);

        Refusal(() => agreement.UpdateJobTrack("t1", Track(places: 0), "req", Now), DomainRuleKind.Precondition, "places-below-taken");
        var closed = agreement.CloseJobTrack("t4", "req-close", Now);
        Refusal(() => closed.CloseJobTrack("t4", "req", Now), DomainRuleKind.Precondition, "job-track-closed");
        Refusal(() => closed.UpdateJobTrack("t9", Track(), "req", Now), DomainRuleKind.NotFound, JobTrack.Entity);
    }

    [Fact]
    public void Participants_are_admitted_to_a_signed_agreement_only_and_numbered_in_order()
    {
        Refusal(() => Draft().Admit(), DomainRuleKind.Precondition, "agreement-not-in-force");

        var once = Signed().Admit();
        var twice = once.Admit();

        Assert.Equal((1, 2), (once.ParticipantsAdmitted, twice.ParticipantsAdmitted));
        Assert.Equal(once.Version, twice.Version);
    }

    [Fact]
    public void A_place_is_taken_once_per_participant_on_an_open_track_with_a_free_place()
    {
        var signed = Signed();
        var first = signed.TakePlace("t1", "21-0123456789abcdef-p000002", Now);
        var both = first.TakePlace("t1", "21-0123456789abcdef-p000001", Now);

        Assert.Equal(["21-0123456789abcdef-p000001", "21-0123456789abcdef-p000002"], both.Track("t1").Participants.AsEnumerable());
        Assert.Equal((2, signed.Version + 2), (both.Track("t1").PlacesTaken, both.Version));
        Assert.Same(both, both.TakePlace("t1", "21-0123456789abcdef-p000001", Now));
        Refusal(() => both.TakePlace("t1", "21-0123456789abcdef-p000003", Now), DomainRuleKind.Precondition, "job-track-full");
        Refusal(() => Draft().WithTracks(1).TakePlace("t1", "p", Now), DomainRuleKind.Precondition, "agreement-not-in-force");
        Refusal(() => signed.AddJobTrack("t4", Track(), "r", Now).CloseJobTrack("t4", "c", Now).TakePlace("t4", "p", Now),
            DomainRuleKind.Precondition, "job-track-closed");
    }

    [Fact]
    public void A_place_is_freed_wherever_the_participant_holds_one()
    {
        var taken = Signed().TakePlace("t2", "21-0123456789abcdef-p000001", Now);

        var freed = taken.ReleasePlace("21-0123456789abcdef-p000001", Now);

        Assert.Equal(0, freed.Track("t2").PlacesTaken);
        Assert.Empty(freed.Track("t2").Participants);
        Assert.Same(freed, freed.ReleasePlace("21-0123456789abcdef-p000001", Now));
    }
}
