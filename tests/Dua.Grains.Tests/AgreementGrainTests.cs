using Dua.Domain;
using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;
using Dua.Domain.Participants;
using Dua.Domain.Requests;
using Dua.Grains.Agreements;
using static Dua.Grains.Tests.AgreementTestData;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;

namespace Dua.Grains.Tests;

/// <summary>
/// The agreement lifecycle DRAFT → SIGNED → ENDED and its rules, on one in-process silo. The cluster is shared by
/// the tests of this class, so every test makes its own agreement ids and request ids; tests that sign an agreement
/// use a municipality of their own, because signing supersedes what is in force there.
/// </summary>
public sealed class AgreementGrainTests(MemoryClusterFixture fixture) : IClassFixture<MemoryClusterFixture>
{
    // --- create ---------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Create_makes_a_draft_at_version_1_listed_by_each_of_its_municipalities_and_its_county()
    {
        var id = NewAgreementId();
        var created = await Agreement(id).CreateAsync(NewRequest(), Youth("2184", "2180"));

        Assert.Equal(id, created.Id);
        Assert.Equal(AgreementStatus.Draft, created.Status);
        Assert.Equal(AgreementKind.Youth, created.Kind);
        Assert.Equal(1, created.Version);
        Assert.Equal<string>(["2184", "2180"], created.MunicipalityCodes);
        Assert.Equal("21", created.RegionCode);
        Assert.Equal("Arbetsförmedlingen Hudiksvall", created.Terms.EmploymentOffice);
        Assert.Empty(created.JobTracks);
        Assert.Empty(created.Amendments);
        Assert.Null(created.ValidFrom);
        Assert.Null(created.ValidTo);
        Assert.Equal(EndReason.Unspecified, created.EndReason);

        var stored = await Agreement(id).GetAsync();
        Assert.NotNull(stored);
        Assert.Equal(AgreementStatus.Draft, stored.Status);
        Assert.Equal(1, stored.Version);

        var expected = new AgreementIndexEntry(id, AgreementKind.Youth, AgreementStatus.Draft);
        Assert.Equal(expected, await MunicipalityEntryAsync("2184", id));
        Assert.Equal(expected, await MunicipalityEntryAsync("2180", id));
        Assert.Equal(expected, await RegionEntryAsync("21", id));
        Assert.Null(await MunicipalityEntryAsync("0484", id));
        Assert.Null(await RegionEntryAsync("04", id));
    }

    [Fact]
    public async Task A_retried_create_returns_the_agreement_and_changes_nothing()
    {
        var id = NewAgreementId();
        var create = NewRequest();
        var created = await Agreement(id).CreateAsync(create, Youth("2184"));
        await Agreement(id).AmendAsync(NewRequest(), Amendment("Nytt kontor", Terms("Arbetsförmedlingen Gävle"), null));

        var retried = await Agreement(id).CreateAsync(create, Youth("2184"));

        // The retry must neither reset the agreement to a new draft nor count as a change.
        Assert.Equal(id, retried.Id);
        Assert.Equal(created.CreatedAt, retried.CreatedAt);
        Assert.Equal(2, retried.Version);
        Assert.Equal("Arbetsförmedlingen Gävle", retried.Terms.EmploymentOffice);
        var stored = await Agreement(id).GetAsync();
        Assert.Equal(2, stored!.Version);
        Assert.Equal("Arbetsförmedlingen Gävle", stored.Terms.EmploymentOffice);
    }

    [Fact]
    public async Task A_retry_right_after_create_returns_version_1()
    {
        var id = NewAgreementId();
        var create = NewRequest();
        await Agreement(id).CreateAsync(create, Youth("2184"));

        var retried = await Agreement(id).CreateAsync(create, Youth("2184"));

        Assert.Equal(1, retried.Version);
        Assert.Equal(AgreementStatus.Draft, retried.Status);
        Assert.Equal(1, (await Agreement(id).GetAsync())!.Version);
    }

    [Fact]
    public async Task A_request_id_reused_for_other_content_is_refused()
    {
        var id = NewAgreementId();
        var create = NewRequest("first content");
        await Agreement(id).CreateAsync(create, Youth("2184"));

        await RefusedAsync(
            () => Agreement(id).CreateAsync(create with { Fingerprint = "other content" }, Youth("2180")),
            DomainRuleKind.InvalidValue, "requestId");

        var stored = await Agreement(id).GetAsync();
        Assert.Equal<string>(["2184"], stored!.MunicipalityCodes);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Creating_again_under_the_same_id_with_a_new_request_is_refused()
    {
        var id = NewAgreementId();
        await Agreement(id).CreateAsync(NewRequest(), Youth("2184"));

        await RefusedAsync(() => Agreement(id).CreateAsync(NewRequest(), Newcomers("2180")), DomainRuleKind.Precondition, "agreement-exists");

        var stored = await Agreement(id).GetAsync();
        Assert.Equal(AgreementKind.Youth, stored!.Kind);
        Assert.Equal(1, stored.Version);
        Assert.Null(await MunicipalityEntryAsync("2180", id));
    }

    // --- the newcomer rule ----------------------------------------------------------------------------------------

    [Fact]
    public async Task A_newcomer_agreement_is_signed_only_with_three_job_tracks_that_have_an_employer()
    {
        var id = NewAgreementId();
        var grain = Agreement(id);
        await grain.CreateAsync(NewRequest(), Newcomers("2181"));
        await grain.AddJobTrackAsync(NewRequest(), TrackWithEmployer("Undersköterska"));
        await grain.AddJobTrackAsync(NewRequest(), TrackWithEmployer("Barnskötare"));
        await grain.AddJobTrackAsync(NewRequest(), PreparatoryTrack("Svenska för vården"));
        var before = await grain.GetAsync();

        var sign = NewRequest();
        var refused = await RefusedAsync(() => grain.SignAsync(sign, new ValidityPeriod(ValidFrom, ValidTo)), DomainRuleKind.Precondition, "newcomers-need-three-job-tracks");
        Assert.Contains("has 2", refused.Message, StringComparison.Ordinal);

        var after = await grain.GetAsync();
        Assert.Equal(AgreementStatus.Draft, after!.Status);
        Assert.Equal(before!.Version, after.Version);
        Assert.Null(after.ValidFrom);
        Assert.Equal(AgreementStatus.Draft, (await MunicipalityEntryAsync("2181", id))!.Status);

        await grain.AddJobTrackAsync(NewRequest(), TrackWithEmployer("Lokalvårdare"));

        // The refused attempt was not recorded, so the client may send the same request again once it can succeed.
        var signed = await grain.SignAsync(sign, new ValidityPeriod(ValidFrom, ValidTo));
        Assert.Equal(AgreementStatus.Signed, signed.Status);
        Assert.Equal(ValidFrom, signed.ValidFrom);
        Assert.Equal(ValidTo, signed.ValidTo);
        Assert.Equal(AgreementStatus.Signed, (await MunicipalityEntryAsync("2181", id))!.Status);
        Assert.Equal(AgreementStatus.Signed, (await RegionEntryAsync("21", id))!.Status);
    }

    [Fact]
    public async Task A_refusal_reaches_the_caller_across_the_wire_with_its_kind_rule_and_message()
    {
        // The test cluster's client calls the silo through its gateway, so the refusal crossed the serializer (its
        // surrogate in the grain abstractions): the domain's exception carries no Orleans attributes of its own.
        var id = NewAgreementId();
        await Agreement(id).CreateAsync(NewRequest(), Newcomers("2184"));

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Agreement(id).SignAsync(NewRequest(), new ValidityPeriod(ValidFrom, ValidTo)));

        Assert.Equal((DomainRuleKind.Precondition, NewcomerJobTrackRule.Rule), (refused.Kind, refused.Subject));
        Assert.Contains($"{id} has 0", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_youth_agreement_is_signed_without_job_tracks()
    {
        var grain = Agreement(NewAgreementId());
        await grain.CreateAsync(NewRequest(), Youth("2182"));

        var signed = await grain.SignAsync(NewRequest(), new ValidityPeriod(ValidFrom, ValidTo));

        Assert.Equal(AgreementStatus.Signed, signed.Status);
        Assert.Empty(signed.JobTracks);
        Assert.Equal(2, signed.Version);
    }

    // --- sign -----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_signed_agreement_cannot_be_signed_again_but_a_retried_sign_returns_it()
    {
        var grain = Agreement(NewAgreementId());
        await grain.CreateAsync(NewRequest(), Youth("2101"));
        var sign = NewRequest();
        var signed = await grain.SignAsync(sign, new ValidityPeriod(ValidFrom, ValidTo));

        var retried = await grain.SignAsync(sign, new ValidityPeriod(ValidFrom, ValidTo));
        Assert.Equal(AgreementStatus.Signed, retried.Status);
        Assert.Equal(signed.Version, retried.Version);
        Assert.Equal(ValidFrom, retried.ValidFrom);

        await RefusedAsync(() => grain.SignAsync(NewRequest(), new ValidityPeriod(ValidFrom.AddYears(1), ValidTo.AddYears(1))), DomainRuleKind.Precondition, "agreement-not-draft");
        await RefusedAsync(() => grain.SignAsync(sign with { Fingerprint = "other dates" }, new ValidityPeriod(ValidFrom, ValidTo)), DomainRuleKind.InvalidValue, "requestId");

        var stored = await grain.GetAsync();
        Assert.Equal(signed.Version, stored!.Version);
        Assert.Equal(ValidFrom, stored.ValidFrom);
    }

    // --- supersession ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Signing_a_youth_agreement_supersedes_the_youth_agreement_in_force_but_not_a_newcomer_one()
    {
        var a = NewAgreementId();
        await Agreement(a).CreateAsync(NewRequest(), Youth("2184"));
        await Agreement(a).SignAsync(NewRequest(), new ValidityPeriod(ValidFrom, ValidTo));

        var newcomers = NewAgreementId();
        await Agreement(newcomers).CreateAsync(NewRequest(), Newcomers("2184"));
        foreach (var name in new[] { "Undersköterska", "Barnskötare", "Lokalvårdare" })
        {
            await Agreement(newcomers).AddJobTrackAsync(NewRequest(), TrackWithEmployer(name));
        }

        await Agreement(newcomers).SignAsync(NewRequest(), new ValidityPeriod(ValidFrom, ValidTo));
        Assert.Equal(AgreementStatus.Signed, (await Agreement(a).GetAsync())!.Status);

        var b = NewAgreementId();
        await Agreement(b).CreateAsync(NewRequest(), Youth("2184"));
        var signedB = await Agreement(b).SignAsync(NewRequest(), new ValidityPeriod(ValidFrom.AddYears(2), ValidTo.AddYears(2)));

        Assert.Equal(a, signedB.PredecessorId);
        var endedA = await Agreement(a).GetAsync();
        Assert.Equal(AgreementStatus.Ended, endedA!.Status);
        Assert.Equal(EndReason.Superseded, endedA.EndReason);
        Assert.Equal(b, endedA.SuccessorId);

        var stillNewcomers = await Agreement(newcomers).GetAsync();
        Assert.Equal(AgreementStatus.Signed, stillNewcomers!.Status);
        Assert.Null(stillNewcomers.SuccessorId);

        Assert.Equal(new AgreementIndexEntry(a, AgreementKind.Youth, AgreementStatus.Ended), await MunicipalityEntryAsync("2184", a));
        Assert.Equal(new AgreementIndexEntry(b, AgreementKind.Youth, AgreementStatus.Signed), await MunicipalityEntryAsync("2184", b));
        Assert.Equal(new AgreementIndexEntry(newcomers, AgreementKind.Newcomers, AgreementStatus.Signed), await MunicipalityEntryAsync("2184", newcomers));
        Assert.Equal(AgreementStatus.Ended, (await RegionEntryAsync("21", a))!.Status);
        Assert.Equal(AgreementStatus.Signed, (await RegionEntryAsync("21", b))!.Status);

        // A superseded agreement is ended: it can no longer change.
        await RefusedAsync(() => Agreement(a).AmendAsync(NewRequest(), Amendment("Sen ändring", Terms(), null)),
            DomainRuleKind.Precondition, "agreement-ended");
    }

    [Fact]
    public async Task A_retried_sign_of_a_superseded_agreement_leaves_its_successor_in_force()
    {
        var a = NewAgreementId();
        var signA = NewRequest();
        await Agreement(a).CreateAsync(NewRequest(), Youth("2183"));
        await Agreement(a).SignAsync(signA, new ValidityPeriod(ValidFrom, ValidTo));

        var b = NewAgreementId();
        await Agreement(b).CreateAsync(NewRequest(), Youth("2183"));
        await Agreement(b).SignAsync(NewRequest(), new ValidityPeriod(ValidFrom.AddYears(2), ValidTo.AddYears(2)));

        // The first answer to A's sign was lost, and the client retries after B was signed.
        var retried = await Agreement(a).SignAsync(signA, new ValidityPeriod(ValidFrom, ValidTo));

        Assert.Equal(AgreementStatus.Ended, retried.Status);
        var storedB = await Agreement(b).GetAsync();
        Assert.Equal(AgreementStatus.Signed, storedB!.Status);
        Assert.Null(storedB.SuccessorId);
        Assert.Equal(AgreementStatus.Signed, (await MunicipalityEntryAsync("2183", b))!.Status);
    }

    // --- amendments -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Amending_a_draft_changes_its_terms_without_recording_an_amendment()
    {
        var grain = Agreement(NewAgreementId());
        await grain.CreateAsync(NewRequest(), Youth("2104"));

        var amended = await grain.AmendAsync(NewRequest(), Amendment("Nytt kontor", Terms("Arbetsförmedlingen Gävle"), null));

        Assert.Equal("Arbetsförmedlingen Gävle", amended.Terms.EmploymentOffice);
        Assert.Equal(2, amended.Version);
        Assert.Equal(AgreementStatus.Draft, amended.Status);
        Assert.Empty(amended.Amendments);
        Assert.Empty((await grain.GetAsync())!.Amendments);
    }

    [Fact]
    public async Task Amending_a_signed_agreement_records_an_amendment_with_the_new_version_and_the_request_id()
    {
        var grain = Agreement(NewAgreementId());
        await grain.CreateAsync(NewRequest(), Youth("2121"));
        var signed = await grain.SignAsync(NewRequest(), new ValidityPeriod(ValidFrom, ValidTo));

        var amend = NewRequest();
        var newEnd = ValidTo.AddYears(1);
        var amended = await grain.AmendAsync(amend, Amendment("Förlängd ett år", Terms("Arbetsförmedlingen Gävle"), newEnd));

        Assert.Equal(signed.Version + 1, amended.Version);
        Assert.Equal("Arbetsförmedlingen Gävle", amended.Terms.EmploymentOffice);
        Assert.Equal(newEnd, amended.ValidTo);
        Assert.Equal(ValidFrom, amended.ValidFrom);
        var amendment = Assert.Single(amended.Amendments);
        Assert.Equal(amended.Version, amendment.Version);
        Assert.Equal("Förlängd ett år", amendment.Description);
        Assert.Equal(amend.RequestId, amendment.RequestId);

        // Terms left out of an amendment stay as they were; a retry records nothing more.
        var second = await grain.AmendAsync(NewRequest(), Amendment("Bara beskrivning", null, null));
        Assert.Equal("Arbetsförmedlingen Gävle", second.Terms.EmploymentOffice);
        Assert.Equal(newEnd, second.ValidTo);
        Assert.Equal(2, second.Amendments.Length);

        var retried = await grain.AmendAsync(amend, Amendment("Förlängd ett år", Terms("Arbetsförmedlingen Gävle"), newEnd));
        Assert.Equal(second.Version, retried.Version);
        Assert.Equal(2, retried.Amendments.Length);
    }

    [Fact]
    public async Task Valid_to_is_amended_only_on_a_signed_agreement()
    {
        var grain = Agreement(NewAgreementId());
        await grain.CreateAsync(NewRequest(), Youth("2132"));

        await RefusedAsync(() => grain.AmendAsync(NewRequest(), Amendment("Nytt slutdatum", Terms("Arbetsförmedlingen Gävle"), ValidTo)),
            DomainRuleKind.Precondition, "valid-to-needs-signed-agreement");

        var stored = await grain.GetAsync();
        Assert.Equal(1, stored!.Version);
        Assert.Null(stored.ValidTo);
        Assert.Equal("Arbetsförmedlingen Hudiksvall", stored.Terms.EmploymentOffice);
    }

    [Fact]
    public async Task Valid_to_must_fall_after_valid_from()
    {
        var grain = Agreement(NewAgreementId());
        await grain.CreateAsync(NewRequest(), Youth("2161"));
        var signed = await grain.SignAsync(NewRequest(), new ValidityPeriod(ValidFrom, ValidTo));

        await RefusedAsync(() => grain.AmendAsync(NewRequest(), Amendment("Bakåt", null, ValidFrom.AddDays(-1))),
            DomainRuleKind.InvalidValue, "validTo");
        await RefusedAsync(() => grain.AmendAsync(NewRequest(), Amendment("Samma dag", null, ValidFrom)),
            DomainRuleKind.InvalidValue, "validTo");

        var stored = await grain.GetAsync();
        Assert.Equal(signed.Version, stored!.Version);
        Assert.Equal(ValidTo, stored.ValidTo);
        Assert.Empty(stored.Amendments);

        var extended = await grain.AmendAsync(NewRequest(), Amendment("En dag", null, ValidFrom.AddDays(1)));
        Assert.Equal(ValidFrom.AddDays(1), extended.ValidTo);
    }

    // --- job tracks -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Job_tracks_are_numbered_t1_t2_and_a_retried_add_adds_no_second_track()
    {
        var grain = Agreement(NewAgreementId());
        await grain.CreateAsync(NewRequest(), Newcomers("0484"));

        var addFirst = NewRequest();
        var first = await grain.AddJobTrackAsync(addFirst, TrackWithEmployer("Undersköterska"));
        var second = await grain.AddJobTrackAsync(NewRequest(), PreparatoryTrack("Svenska för vården"));
        var retried = await grain.AddJobTrackAsync(addFirst, TrackWithEmployer("Undersköterska"));

        Assert.Equal("t1", first.JobTrackId);
        Assert.Equal("t2", second.JobTrackId);
        Assert.Equal("t1", retried.JobTrackId);
        Assert.Equal(["t1", "t2"], retried.Agreement.JobTracks.Select(t => t.Id));
        Assert.Equal(second.Agreement.Version, retried.Agreement.Version);

        var track = retried.Agreement.JobTracks[0];
        Assert.True(track.Open);
        Assert.Equal(0, track.PlacesTaken);
        Assert.Equal("Undersköterska", track.Spec.Name);
        Assert.False(track.IsPreparatory);
        Assert.True(retried.Agreement.JobTracks[1].IsPreparatory);

        // The retry must not have used up an id either.
        var third = await grain.AddJobTrackAsync(NewRequest(), TrackWithEmployer("Barnskötare"));
        Assert.Equal("t3", third.JobTrackId);
        Assert.Equal(3, (await grain.GetAsync())!.JobTracks.Length);
    }

    [Fact]
    public async Task A_job_track_is_updated_and_closed_once()
    {
        var grain = Agreement(NewAgreementId());
        await grain.CreateAsync(NewRequest(), Newcomers("0484"));
        var added = await grain.AddJobTrackAsync(NewRequest(), TrackWithEmployer("Undersköterska"));

        var updated = await grain.UpdateJobTrackAsync(NewRequest(), added.JobTrackId, TrackWithEmployer("Undersköterska, natt") with { Places = 20 });
        Assert.Equal("Undersköterska, natt", updated.JobTracks.Single().Spec.Name);
        Assert.Equal(20, updated.JobTracks.Single().Spec.Places);
        Assert.Equal(added.Agreement.Version + 1, updated.Version);

        var closed = await grain.CloseJobTrackAsync(NewRequest(), added.JobTrackId);
        Assert.False(closed.JobTracks.Single().Open);
        Assert.Equal(updated.Version + 1, closed.Version);

        await RefusedAsync(() => grain.CloseJobTrackAsync(NewRequest(), added.JobTrackId), DomainRuleKind.Precondition, "job-track-closed");
        Assert.Equal(closed.Version, (await grain.GetAsync())!.Version);
    }

    [Fact]
    public async Task An_unknown_job_track_is_not_found()
    {
        var grain = Agreement(NewAgreementId());
        await grain.CreateAsync(NewRequest(), Newcomers("0484"));
        await grain.AddJobTrackAsync(NewRequest(), TrackWithEmployer("Undersköterska"));

        await RefusedAsync(() => grain.UpdateJobTrackAsync(NewRequest(), "t9", TrackWithEmployer("Okänd")), DomainRuleKind.NotFound, "JobTrack");
        await RefusedAsync(() => grain.CloseJobTrackAsync(NewRequest(), "t9"), DomainRuleKind.NotFound, "JobTrack");

        var stored = await grain.GetAsync();
        Assert.Equal(2, stored!.Version);
        Assert.Equal("Undersköterska", stored.JobTracks.Single().Spec.Name);
    }

    // --- end ------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Only_a_signed_agreement_can_be_ended()
    {
        var grain = Agreement(NewAgreementId());
        await grain.CreateAsync(NewRequest(), Youth("2180"));

        await RefusedAsync(() => grain.EndAsync(NewRequest(), EndReason.Terminated, "Uppsagt"), DomainRuleKind.Precondition, "agreement-not-signed");

        var stored = await grain.GetAsync();
        Assert.Equal(AgreementStatus.Draft, stored!.Status);
        Assert.Equal(EndReason.Unspecified, stored.EndReason);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Ending_sets_status_reason_and_note_and_updates_the_indexes()
    {
        var id = NewAgreementId(Sodermanland);
        var grain = Agreement(id);
        await grain.CreateAsync(NewRequest(), Draft(AgreementKind.Collaboration, Sodermanland, "0484"));
        var signed = await grain.SignAsync(NewRequest(), new ValidityPeriod(ValidFrom, ValidTo));

        var end = NewRequest();
        var ended = await grain.EndAsync(end, EndReason.Terminated, "Uppsagt av kommunen");

        Assert.Equal(AgreementStatus.Ended, ended.Status);
        Assert.Equal(EndReason.Terminated, ended.EndReason);
        Assert.Equal("Uppsagt av kommunen", ended.EndNote);
        Assert.Equal(signed.Version + 1, ended.Version);
        Assert.Null(ended.SuccessorId);
        Assert.Equal(AgreementStatus.Ended, (await MunicipalityEntryAsync("0484", id))!.Status);
        Assert.Equal(AgreementStatus.Ended, (await RegionEntryAsync("04", id))!.Status);

        var retried = await grain.EndAsync(end, EndReason.Terminated, "Uppsagt av kommunen");
        Assert.Equal(ended.Version, retried.Version);
    }

    [Fact]
    public async Task An_ended_agreement_can_no_longer_change()
    {
        var grain = Agreement(NewAgreementId(Sodermanland));
        await grain.CreateAsync(NewRequest(), Draft(AgreementKind.Newcomers, Sodermanland, "0484"));
        foreach (var name in new[] { "Undersköterska", "Barnskötare", "Lokalvårdare" })
        {
            await grain.AddJobTrackAsync(NewRequest(), TrackWithEmployer(name));
        }

        await grain.SignAsync(NewRequest(), new ValidityPeriod(ValidFrom, ValidTo));
        var ended = await grain.EndAsync(NewRequest(), EndReason.Expired, "Löpte ut");

        const string rule = "agreement-ended";
        await RefusedAsync(() => grain.AmendAsync(NewRequest(), Amendment("Ny text", Terms("Arbetsförmedlingen Gävle"), null)), DomainRuleKind.Precondition, rule);
        await RefusedAsync(() => grain.AmendAsync(NewRequest(), Amendment("Nytt slut", null, ValidTo.AddYears(1))), DomainRuleKind.Precondition, rule);
        await RefusedAsync(() => grain.AddJobTrackAsync(NewRequest(), TrackWithEmployer("Kock")), DomainRuleKind.Precondition, rule);
        await RefusedAsync(() => grain.UpdateJobTrackAsync(NewRequest(), "t1", TrackWithEmployer("Kock")), DomainRuleKind.Precondition, rule);
        await RefusedAsync(() => grain.CloseJobTrackAsync(NewRequest(), "t1"), DomainRuleKind.Precondition, rule);

        // Signing and ending are refused by their own rules.
        await RefusedAsync(() => grain.SignAsync(NewRequest(), new ValidityPeriod(ValidFrom, ValidTo)), DomainRuleKind.Precondition, "agreement-not-draft");
        await RefusedAsync(() => grain.EndAsync(NewRequest(), EndReason.Terminated, "Igen"), DomainRuleKind.Precondition, "agreement-not-signed");

        var stored = await grain.GetAsync();
        Assert.Equal(ended.Version, stored!.Version);
        Assert.Equal(AgreementStatus.Ended, stored.Status);
        Assert.Equal(EndReason.Expired, stored.EndReason);
        Assert.Equal(3, stored.JobTracks.Length);
        Assert.All(stored.JobTracks, t => Assert.True(t.Open));
        Assert.Equal(["t1", "t2", "t3"], stored.JobTracks.Select(t => t.Id));
    }

    // --- an agreement never created -------------------------------------------------------------------------------

    [Fact]
    public async Task An_agreement_never_created_is_null_and_cannot_be_changed()
    {
        var grain = Agreement(NewAgreementId());

        Assert.Null(await grain.GetAsync());
        await RefusedAsync(() => grain.AmendAsync(NewRequest(), Amendment("Ändring", Terms(), null)), DomainRuleKind.NotFound, "Agreement");
        await RefusedAsync(() => grain.AddJobTrackAsync(NewRequest(), TrackWithEmployer("Kock")), DomainRuleKind.NotFound, "Agreement");
        await RefusedAsync(() => grain.SignAsync(NewRequest(), new ValidityPeriod(ValidFrom, ValidTo)), DomainRuleKind.NotFound, "Agreement");
        await RefusedAsync(() => grain.EndAsync(NewRequest(), EndReason.Terminated, "Uppsagt"), DomainRuleKind.NotFound, "Agreement");
        Assert.Null(await grain.GetAsync());
    }

    private IAgreementGrain Agreement(string agreementId) => fixture.Grains.GetGrain<IAgreementGrain>(GrainKeys.Agreement(agreementId));

    private async Task<AgreementIndexEntry?> MunicipalityEntryAsync(string municipalityCode, string agreementId) =>
        (await fixture.Grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(municipalityCode)).ListAgreementsAsync())
        .SingleOrDefault(e => e.AgreementId == agreementId);

    private async Task<AgreementIndexEntry?> RegionEntryAsync(string regionCode, string agreementId) =>
        (await fixture.Grains.GetGrain<IRegionGrain>(GrainKeys.Region(regionCode)).ListAgreementsAsync())
        .SingleOrDefault(e => e.AgreementId == agreementId);

    /// <summary>Asserts the call is refused for the given kind and rule (or field, or entity), and returns the refusal.</summary>
    private static async Task<DomainRuleException> RefusedAsync(Func<Task> call, DomainRuleKind kind, string subject)
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(call);
        Assert.Equal((kind, subject), (refused.Kind, refused.Subject));
        return refused;
    }
}
