using Dua.Contracts.V1;
using Google.Rpc;
using Grpc.Core;
using static Dua.Testing.Requests.AgreementRequests;

namespace Dua.Silo.Tests;

/// <summary>dua.v1.AgreementService end to end: lifecycle, idempotency, supersession, amendments and listing.</summary>
public sealed class AgreementApiTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>
{
    private readonly AgreementService.AgreementServiceClient _client = new(silo.Channel);

    [Fact]
    public async Task A_newcomers_agreement_signs_only_with_three_job_tracks_with_employers()
    {
        var created = (await _client.CreateAgreementAsync(Newcomers(Hudiksvall))).Agreement;
        Assert.Equal(AgreementStatus.Draft, created.Status);
        Assert.Equal(Gavleborg, created.RegionCode);
        Assert.Equal(new[] { Hudiksvall }, created.MunicipalityCodes);
        Assert.Equal(NorraHalsingland, created.EmploymentOffice);
        Assert.StartsWith("21-", created.AgreementId);
        Assert.Equal(1, created.Version);
        var id = created.AgreementId;

        var first = await _client.AddJobTrackAsync(AddTrack(id, TrackWithEmployer("Undersköterska i hemtjänsten")));
        var second = await _client.AddJobTrackAsync(AddTrack(id, TrackWithEmployer("Undersköterska i äldreboende", "Volvo Personvagnar AB", Volvo)));
        Assert.NotEqual(first.JobTrackId, second.JobTrackId);

        var beforeSigning = (await _client.GetAgreementAsync(new GetAgreementRequest { AgreementId = id })).Agreement;
        var refused = await RefusedBecause("newcomers-need-three-job-tracks", () => _client.SignAgreementAsync(Sign(id)).ResponseAsync);
        Assert.Contains("has 2", refused.Message);
        await AssertUnchanged(beforeSigning);

        // A preparatory track (no employer) does not count.
        var preparatory = await _client.AddJobTrackAsync(AddTrack(id, PreparatoryTrack("Förberedande vård och omsorg")));
        Assert.True(preparatory.Agreement.JobTracks.Single(t => t.JobTrackId == preparatory.JobTrackId).Preparatory);
        refused = await RefusedBecause("newcomers-need-three-job-tracks", () => _client.SignAgreementAsync(Sign(id)).ResponseAsync);
        Assert.Contains("has 2", refused.Message);
        await AssertUnchanged(preparatory.Agreement);

        var third = await _client.AddJobTrackAsync(AddTrack(id, TrackWithEmployer("Undersköterska på sjukhuset", "Region Gävleborg", RegionGavleborg)));
        var signed = (await _client.SignAgreementAsync(Sign(id))).Agreement;
        Assert.Equal(AgreementStatus.Signed, signed.Status);
        Assert.Equal(ValidFrom, signed.ValidFrom);
        Assert.Equal(ValidTo, signed.ValidTo);
        Assert.Equal(third.Agreement.Version + 1, signed.Version);

        var read = (await _client.GetAgreementAsync(new GetAgreementRequest { AgreementId = id })).Agreement;
        Assert.Equal(signed, read);
        Assert.Equal(4, read.JobTracks.Count);
        Assert.Equal(4, read.JobTracks.Select(t => t.JobTrackId).Distinct().Count());
        Assert.Equal(3, read.JobTracks.Count(t => !t.Preparatory && t.Employers.Count > 0));
        Assert.All(read.JobTracks, t =>
        {
            Assert.Equal(AssistantNurses, t.OccupationCode);
            Assert.Equal("Undersköterskor, hemtjänst, hemsjukvård och äldreboende", t.OccupationName);
            Assert.True(t.Open);
            Assert.Equal(0, t.PlacesTaken);
            Assert.Equal(12, t.Places);
        });
        Assert.Equal(Volvo, read.JobTracks.Single(t => t.JobTrackId == second.JobTrackId).Employers.Single().OrganisationNumber);
    }

    [Fact]
    public async Task A_newcomers_agreement_with_only_a_preparatory_track_is_refused_and_unchanged()
    {
        var id = (await _client.CreateAgreementAsync(Newcomers(Hudiksvall))).Agreement.AgreementId;
        var added = await _client.AddJobTrackAsync(AddTrack(id, PreparatoryTrack("Förberedande")));

        var refused = await RefusedBecause("newcomers-need-three-job-tracks", () => _client.SignAgreementAsync(Sign(id)).ResponseAsync);

        Assert.Contains("has 0", refused.Message);
        await AssertUnchanged(added.Agreement);
    }

    [Fact]
    public async Task A_retried_create_returns_the_same_agreement_and_lists_it_once()
    {
        var request = Newcomers(Hudiksvall);
        var first = (await _client.CreateAgreementAsync(request)).Agreement;
        var retried = (await _client.CreateAgreementAsync(request.Clone())).Agreement;

        Assert.Equal(first.AgreementId, retried.AgreementId);
        Assert.Equal(first.Version, retried.Version);
        Assert.Equal(first.CreatedAt, retried.CreatedAt);

        var listed = await ListAll(new ListAgreementsRequest { MunicipalityCode = Hudiksvall });
        Assert.Single(listed, a => a.AgreementId == first.AgreementId);
    }

    [Fact]
    public async Task A_create_request_id_reused_for_other_content_is_invalid()
    {
        var request = Newcomers(Hudiksvall);
        var created = (await _client.CreateAgreementAsync(request)).Agreement;

        var other = request.Clone();
        other.EmploymentOffice = "Arbetsförmedlingen Gävle";
        await RpcAssert.InvalidFields(() => _client.CreateAgreementAsync(other).ResponseAsync, "request_id");

        var read = (await _client.GetAgreementAsync(new GetAgreementRequest { AgreementId = created.AgreementId })).Agreement;
        Assert.Equal(created, read);
    }

    [Fact]
    public async Task A_create_request_id_reused_for_another_county_is_invalid()
    {
        var request = Newcomers(Hudiksvall);
        await _client.CreateAgreementAsync(request);

        // Same request id, other content: the contract says INVALID_ARGUMENT, wherever the agreement would land.
        var other = request.Clone();
        other.MunicipalityCodes.Clear();
        other.MunicipalityCodes.Add(Eskilstuna);
        await RpcAssert.InvalidFields(() => _client.CreateAgreementAsync(other).ResponseAsync, "request_id");
    }

    [Fact]
    public async Task A_retried_add_job_track_returns_the_first_track_and_adds_nothing()
    {
        var id = (await _client.CreateAgreementAsync(Newcomers(Hudiksvall))).Agreement.AgreementId;
        var request = AddTrack(id, TrackWithEmployer("Undersköterska"));
        var first = await _client.AddJobTrackAsync(request);
        var retried = await _client.AddJobTrackAsync(request.Clone());

        Assert.Equal(first.JobTrackId, retried.JobTrackId);
        Assert.Equal(first.Agreement.Version, retried.Agreement.Version);
        Assert.Single(retried.Agreement.JobTracks);

        var other = request.Clone();
        other.JobTrack.Places = 13;
        await RpcAssert.InvalidFields(() => _client.AddJobTrackAsync(other).ResponseAsync, "request_id");
        await AssertUnchanged(first.Agreement);
    }

    [Fact]
    public async Task A_retried_signing_returns_the_signed_agreement_and_a_second_signing_is_refused()
    {
        var id = (await _client.CreateAgreementAsync(Youth(Gavle))).Agreement.AgreementId;
        var sign = Sign(id);
        var signed = (await _client.SignAgreementAsync(sign)).Agreement;
        var retried = (await _client.SignAgreementAsync(sign.Clone())).Agreement;
        Assert.Equal(signed, retried);

        await RefusedBecause("agreement-not-draft", () => _client.SignAgreementAsync(Sign(id, "2026-02-01")).ResponseAsync);
        await AssertUnchanged(signed);
    }

    [Fact]
    public async Task Signing_a_second_youth_agreement_for_Eskilstuna_supersedes_the_first()
    {
        var first = (await _client.CreateAgreementAsync(Youth(Eskilstuna))).Agreement.AgreementId;
        await _client.SignAgreementAsync(Sign(first, "2024-01-01", "2026-12-31"));
        var second = (await _client.CreateAgreementAsync(Youth(Eskilstuna))).Agreement.AgreementId;
        Assert.StartsWith("04-", second);

        var signed = (await _client.SignAgreementAsync(Sign(second, "2026-01-01", "2028-12-31"))).Agreement;
        Assert.Equal(AgreementStatus.Signed, signed.Status);
        Assert.Equal(first, signed.PredecessorAgreementId);

        var superseded = (await _client.GetAgreementAsync(new GetAgreementRequest { AgreementId = first })).Agreement;
        Assert.Equal(AgreementStatus.Ended, superseded.Status);
        Assert.Equal(EndReason.Superseded, superseded.EndReason);
        Assert.Equal(second, superseded.SuccessorAgreementId);

        // The indexes follow: Eskilstuna lists the first as ENDED and the second as SIGNED.
        var signedInEskilstuna = await ListAll(new ListAgreementsRequest { MunicipalityCode = Eskilstuna, Kind = AgreementKind.Youth, Status = AgreementStatus.Signed });
        Assert.Contains(signedInEskilstuna, a => a.AgreementId == second);
        Assert.DoesNotContain(signedInEskilstuna, a => a.AgreementId == first);
        var ended = await ListAll(new ListAgreementsRequest { MunicipalityCode = Eskilstuna, Status = AgreementStatus.Ended });
        Assert.Contains(ended, a => a.AgreementId == first);

        // An ended agreement no longer changes.
        await RefusedBecause("agreement-ended", () => _client.AddJobTrackAsync(AddTrack(first, TrackWithEmployer("Sent"))).ResponseAsync);
    }

    [Fact]
    public async Task Signing_does_not_supersede_an_agreement_of_another_kind()
    {
        const string strangnas = "0486";
        var collaboration = (await _client.CreateAgreementAsync(Create(AgreementKind.Collaboration, strangnas))).Agreement.AgreementId;
        await _client.SignAgreementAsync(Sign(collaboration));
        var youth = (await _client.CreateAgreementAsync(Youth(strangnas))).Agreement.AgreementId;

        var signed = (await _client.SignAgreementAsync(Sign(youth))).Agreement;

        Assert.Empty(signed.PredecessorAgreementId);
        var read = (await _client.GetAgreementAsync(new GetAgreementRequest { AgreementId = collaboration })).Agreement;
        Assert.Equal(AgreementStatus.Signed, read.Status);
    }

    [Fact]
    public async Task Ending_needs_a_signed_agreement_and_a_note_when_terminated()
    {
        const string ockelbo = "2101";
        var id = (await _client.CreateAgreementAsync(Youth(ockelbo))).Agreement.AgreementId;
        var draft = (await _client.GetAgreementAsync(new GetAgreementRequest { AgreementId = id })).Agreement;
        await RefusedBecause("agreement-not-signed", () => _client.EndAgreementAsync(End(id, EndReason.Expired)).ResponseAsync);
        await AssertUnchanged(draft);

        var signed = (await _client.SignAgreementAsync(Sign(id))).Agreement;
        await RpcAssert.InvalidFields(() => _client.EndAgreementAsync(End(id, EndReason.Terminated)).ResponseAsync, "note");
        await RpcAssert.InvalidFields(() => _client.EndAgreementAsync(End(id, EndReason.Terminated, "   ")).ResponseAsync, "note");
        await AssertUnchanged(signed);

        var ended = (await _client.EndAgreementAsync(End(id, EndReason.Terminated, "  Kommunen lämnar samarbetet.  "))).Agreement;
        Assert.Equal(AgreementStatus.Ended, ended.Status);
        Assert.Equal(EndReason.Terminated, ended.EndReason);
        Assert.Equal("Kommunen lämnar samarbetet.", ended.EndNote);
        Assert.Equal(signed.Version + 1, ended.Version);

        await RefusedBecause("agreement-not-signed", () => _client.EndAgreementAsync(End(id, EndReason.Expired)).ResponseAsync);
        await RefusedBecause("agreement-ended", () => _client.AmendAgreementAsync(WithOffice(Amend(id, "Nytt kontor", "employment_office"), "Arbetsförmedlingen Gävle")).ResponseAsync);
        await AssertUnchanged(ended);
    }

    [Fact]
    public async Task An_expired_agreement_ends_without_a_note()
    {
        const string hofors = "2104";
        var id = (await _client.CreateAgreementAsync(Youth(hofors))).Agreement.AgreementId;
        await _client.SignAgreementAsync(Sign(id));

        var ended = (await _client.EndAgreementAsync(End(id, EndReason.Expired))).Agreement;

        Assert.Equal(AgreementStatus.Ended, ended.Status);
        Assert.Equal(EndReason.Expired, ended.EndReason);
        Assert.Empty(ended.EndNote);
    }

    [Fact]
    public async Task Amendments_follow_the_update_mask_and_are_recorded_once_signed()
    {
        const string ljusdal = "2161";
        var id = (await _client.CreateAgreementAsync(Youth(ljusdal))).Agreement.AgreementId;

        var unknownPath = WithOffice(Amend(id, "Byte", "employment_office", "kind"), "Arbetsförmedlingen Ljusdal");
        await RpcAssert.InvalidFields(() => _client.AmendAgreementAsync(unknownPath).ResponseAsync, "update_mask");
        await RpcAssert.InvalidFields(() => _client.AmendAgreementAsync(Amend(id, "Inget")).ResponseAsync, "update_mask");

        // Before signing a change is not an amendment; only the masked field changes.
        var draft = (await _client.AmendAgreementAsync(WithOffice(Amend(id, "Rätt kontor", "employment_office"), "Arbetsförmedlingen Ljusdal"))).Agreement;
        Assert.Equal("Arbetsförmedlingen Ljusdal", draft.EmploymentOffice);
        Assert.Equal(2, draft.Version);
        Assert.Empty(draft.Amendments);
        Assert.Equal(2, draft.Signatories.Count);
        Assert.Equal(new[] { TargetGroup.Youth }, draft.TargetGroups);

        var validTo = Amend(id, "Förlängd", "valid_to");
        validTo.ValidTo = "2028-12-31";
        await RefusedBecause("valid-to-needs-signed-agreement", () => _client.AmendAgreementAsync(validTo).ResponseAsync);
        await AssertUnchanged(draft);

        var signed = (await _client.SignAgreementAsync(Sign(id))).Agreement;
        var amend = Amend(id, "Långtidsarbetslösa läggs till", "target_groups");
        amend.TargetGroups.Add(new[] { TargetGroup.Youth, TargetGroup.LongTermUnemployed });
        var amended = (await _client.AmendAgreementAsync(amend)).Agreement;
        Assert.Equal(new[] { TargetGroup.Youth, TargetGroup.LongTermUnemployed }, amended.TargetGroups);
        Assert.Equal("Arbetsförmedlingen Ljusdal", amended.EmploymentOffice);
        Assert.Equal(signed.Version + 1, amended.Version);
        var amendment = Assert.Single(amended.Amendments);
        Assert.Equal(amended.Version, amendment.Version);
        Assert.Equal("Långtidsarbetslösa läggs till", amendment.Description);
        Assert.Equal(amend.RequestId, amendment.RequestId);

        // A retry records nothing twice.
        var retried = (await _client.AmendAgreementAsync(amend.Clone())).Agreement;
        Assert.Equal(amended, retried);

        var tooEarly = Amend(id, "Förkortad", "valid_to");
        tooEarly.ValidTo = "2025-12-31";
        await RpcAssert.InvalidFields(() => _client.AmendAgreementAsync(tooEarly).ResponseAsync, "valid_to");
        await AssertUnchanged(amended);

        var extended = (await _client.AmendAgreementAsync(validTo.Clone())).Agreement;
        Assert.Equal("2028-12-31", extended.ValidTo);
        Assert.Equal(2, extended.Amendments.Count);

        // A job track added after signing is an amendment too.
        var track = await _client.AddJobTrackAsync(AddTrack(id, TrackWithEmployer("Barnskötare")));
        Assert.Equal(3, track.Agreement.Amendments.Count);
        Assert.Equal(track.Agreement.Version, track.Agreement.Amendments[^1].Version);
    }

    [Fact]
    public async Task Amending_focus_areas_onto_a_youth_agreement_is_invalid()
    {
        var id = (await _client.CreateAgreementAsync(Youth(Gavle))).Agreement.AgreementId;
        var before = (await _client.GetAgreementAsync(new GetAgreementRequest { AgreementId = id })).Agreement;
        var amend = Amend(id, "Fokus", "focus_areas");
        amend.FocusAreas.Add(FocusArea.SpecialSupport);

        await RpcAssert.InvalidFields(() => _client.AmendAgreementAsync(amend).ResponseAsync, "focus_areas");
        await AssertUnchanged(before);
    }

    [Fact]
    public async Task Listing_filters_by_municipality_region_kind_and_status_and_pages_in_id_order()
    {
        const string trosa = "0488";
        var youth = (await _client.CreateAgreementAsync(Youth(trosa))).Agreement.AgreementId;
        await _client.SignAgreementAsync(Sign(youth));
        var newcomers = (await _client.CreateAgreementAsync(Newcomers(trosa))).Agreement.AgreementId;
        var collaboration = (await _client.CreateAgreementAsync(Create(AgreementKind.Collaboration, trosa))).Agreement.AgreementId;
        string[] mine = [youth, newcomers, collaboration];

        var inTrosa = await ListAll(new ListAgreementsRequest { MunicipalityCode = trosa });
        Assert.Equal(mine.Order(StringComparer.Ordinal), inTrosa.Select(a => a.AgreementId));

        var youthInTrosa = await ListAll(new ListAgreementsRequest { MunicipalityCode = trosa, Kind = AgreementKind.Youth });
        Assert.Equal(new[] { youth }, youthInTrosa.Select(a => a.AgreementId));

        var draftsInTrosa = await ListAll(new ListAgreementsRequest { MunicipalityCode = trosa, Status = AgreementStatus.Draft });
        Assert.Equal(new[] { newcomers, collaboration }.Order(StringComparer.Ordinal), draftsInTrosa.Select(a => a.AgreementId));

        var inSodermanland = await ListAll(new ListAgreementsRequest { RegionCode = Sodermanland });
        Assert.All(inSodermanland, a => Assert.Equal(Sodermanland, a.RegionCode));
        Assert.All(mine, id => Assert.Single(inSodermanland, a => a.AgreementId == id));

        var collaborationsInSodermanland = await ListAll(new ListAgreementsRequest { RegionCode = Sodermanland, Kind = AgreementKind.Collaboration });
        Assert.All(collaborationsInSodermanland, a => Assert.Equal(AgreementKind.Collaboration, a.Kind));
        Assert.Contains(collaborationsInSodermanland, a => a.AgreementId == collaboration);

        var signedInCountry = await ListAll(new ListAgreementsRequest { Status = AgreementStatus.Signed });
        Assert.All(signedInCountry, a => Assert.Equal(AgreementStatus.Signed, a.Status));
        Assert.Contains(signedInCountry, a => a.AgreementId == youth);

        // One at a time: three pages, each with a token except the last.
        var pages = new List<ListAgreementsResponse>();
        var token = "";
        do
        {
            var page = await _client.ListAgreementsAsync(new ListAgreementsRequest { MunicipalityCode = trosa, PageSize = 1, PageToken = token });
            pages.Add(page);
            token = page.NextPageToken;
        }
        while (token.Length > 0 && pages.Count < 10);

        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Single(p.Agreements));
        Assert.Equal(mine.Order(StringComparer.Ordinal), pages.Select(p => p.Agreements[0].AgreementId));

        // A token continues only the listing it came from.
        await RpcAssert.InvalidFields(
            () => _client.ListAgreementsAsync(new ListAgreementsRequest { MunicipalityCode = trosa, Kind = AgreementKind.Youth, PageSize = 1, PageToken = pages[0].NextPageToken }).ResponseAsync,
            "page_token");
        await RpcAssert.InvalidFields(
            () => _client.ListAgreementsAsync(new ListAgreementsRequest { PageToken = "not-a-token" }).ResponseAsync, "page_token");
    }

    [Fact]
    public async Task Listing_by_municipality_and_region_together_is_invalid()
    {
        await RpcAssert.InvalidFields(
            () => _client.ListAgreementsAsync(new ListAgreementsRequest { MunicipalityCode = Hudiksvall, RegionCode = Gavleborg }).ResponseAsync,
            "region_code");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task Listing_with_a_page_size_out_of_range_is_invalid(int pageSize)
    {
        await RpcAssert.InvalidFields(
            () => _client.ListAgreementsAsync(new ListAgreementsRequest { RegionCode = Gavleborg, PageSize = pageSize }).ResponseAsync,
            "page_size");
    }

    [Fact]
    public async Task An_unknown_agreement_is_not_found_and_a_malformed_id_is_invalid()
    {
        const string unknown = "21-0123456789abcdef";
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.GetAgreementAsync(new GetAgreementRequest { AgreementId = unknown }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.AddJobTrackAsync(AddTrack(unknown, TrackWithEmployer("Spöke"))).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.SignAgreementAsync(Sign(unknown)).ResponseAsync);

        await RpcAssert.InvalidFields(() => _client.GetAgreementAsync(new GetAgreementRequest { AgreementId = "21-XYZ" }).ResponseAsync, "agreement_id");
        await RpcAssert.InvalidFields(() => _client.GetAgreementAsync(new GetAgreementRequest()).ResponseAsync, "agreement_id");
    }

    [Fact]
    public async Task Closing_a_job_track_twice_is_refused()
    {
        var id = (await _client.CreateAgreementAsync(Newcomers(Hudiksvall))).Agreement.AgreementId;
        var added = await _client.AddJobTrackAsync(AddTrack(id, TrackWithEmployer("Undersköterska")));

        var closed = (await _client.CloseJobTrackAsync(new CloseJobTrackRequest { RequestId = NewRequestId(), AgreementId = id, JobTrackId = added.JobTrackId })).Agreement;
        Assert.False(closed.JobTracks.Single().Open);

        await RefusedBecause("job-track-closed",
            () => _client.CloseJobTrackAsync(new CloseJobTrackRequest { RequestId = NewRequestId(), AgreementId = id, JobTrackId = added.JobTrackId }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => _client.CloseJobTrackAsync(new CloseJobTrackRequest { RequestId = NewRequestId(), AgreementId = id, JobTrackId = "t99" }).ResponseAsync);
        await AssertUnchanged(closed);
    }

    [Fact]
    public async Task A_signed_newcomers_agreement_keeps_three_job_tracks_with_employers()
    {
        var id = (await _client.CreateAgreementAsync(Newcomers(Hudiksvall))).Agreement.AgreementId;
        var tracks = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            tracks.Add((await _client.AddJobTrackAsync(AddTrack(id, TrackWithEmployer($"Spår {i + 1}")))).JobTrackId);
        }

        var signed = (await _client.SignAgreementAsync(Sign(id))).Agreement;

        // Taking the employer away would leave a signed NEWCOMERS agreement that could not have been signed.
        var update = new UpdateJobTrackRequest { RequestId = NewRequestId(), AgreementId = id, JobTrackId = tracks[0], JobTrack = PreparatoryTrack("Spår 1") };
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.UpdateJobTrackAsync(update).ResponseAsync);
        await AssertUnchanged(signed);
    }

    private static AmendAgreementRequest WithOffice(AmendAgreementRequest request, string office)
    {
        request.EmploymentOffice = office;
        return request;
    }

    /// <summary>FAILED_PRECONDITION naming the rule broken in its google.rpc.PreconditionFailure.</summary>
    private static async Task<RpcException> RefusedBecause(string rule, Func<Task> call)
    {
        var e = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, call);
        var failure = e.GetRpcStatus()?.GetDetail<PreconditionFailure>();
        Assert.NotNull(failure);
        Assert.Equal(rule, Assert.Single(failure.Violations).Subject);
        return e;
    }

    private async Task AssertUnchanged(Agreement expected)
    {
        var actual = (await _client.GetAgreementAsync(new GetAgreementRequest { AgreementId = expected.AgreementId })).Agreement;
        Assert.Equal(expected, actual);
    }

    private async Task<List<Agreement>> ListAll(ListAgreementsRequest request)
    {
        var all = new List<Agreement>();
        var pages = 0;
        do
        {
            var page = await _client.ListAgreementsAsync(request);
            all.AddRange(page.Agreements);
            request = request.Clone();
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0 && ++pages < 100);

        Assert.Equal(all.Select(a => a.AgreementId).Order(StringComparer.Ordinal), all.Select(a => a.AgreementId));
        Assert.Equal(all.Count, all.Select(a => a.AgreementId).Distinct().Count());
        return all;
    }
}
