using Dua.Contracts.V1;
using static Dua.Testing.Requests.AgreementRequests;

namespace Dua.Silo.Tests;

/// <summary>
/// One test per shape rule of the agreement requests: INVALID_ARGUMENT naming exactly the bad fields, and nothing
/// stored or changed.
/// </summary>
public sealed class AgreementValidationTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>
{
    private readonly AgreementService.AgreementServiceClient _client = new(silo.Channel);

    // CreateAgreement

    [Fact]
    public async Task A_missing_request_id_is_invalid()
    {
        var request = Youth();
        request.RequestId = "";
        await CreateRejected(request, "request_id");
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("ärende-1")]
    [InlineData("id/with/slash")]
    [InlineData("tab\there")]
    public async Task A_request_id_with_other_characters_is_invalid(string requestId)
    {
        var request = Youth();
        request.RequestId = requestId;
        await CreateRejected(request, "request_id");
    }

    [Fact]
    public async Task A_request_id_over_100_characters_is_invalid()
    {
        var request = Youth();
        request.RequestId = new string('a', 101);
        await CreateRejected(request, "request_id");
    }

    [Fact]
    public async Task An_unspecified_kind_is_invalid()
    {
        var request = Youth();
        request.Kind = AgreementKind.Unspecified;
        await CreateRejected(request, "kind");
    }

    [Fact]
    public async Task An_unknown_kind_number_is_invalid()
    {
        var request = Youth();
        request.Kind = (AgreementKind)99;
        await CreateRejected(request, "kind");
    }

    [Theory]
    [InlineData("218")]
    [InlineData("21845")]
    [InlineData("21a4")]
    [InlineData("")]
    [InlineData("２１８４")]
    public async Task A_malformed_municipality_code_is_invalid(string code)
    {
        await CreateRejected(Youth(Hudiksvall, code), "municipality_codes[1]");
    }

    [Fact]
    public async Task An_unknown_municipality_code_is_invalid()
    {
        await CreateRejected(Youth("0000"), "municipality_codes[0]");
    }

    [Fact]
    public async Task Municipalities_from_two_counties_are_invalid()
    {
        await CreateRejected(Youth(Hudiksvall, Gavle, Eskilstuna), "municipality_codes[2]");
    }

    [Fact]
    public async Task A_repeated_municipality_is_invalid()
    {
        await CreateRejected(Youth(Hudiksvall, Gavle, Hudiksvall), "municipality_codes");
    }

    [Fact]
    public async Task An_agreement_without_municipalities_is_invalid()
    {
        var request = Youth();
        request.MunicipalityCodes.Clear();
        await CreateRejected(request, "municipality_codes");
    }

    [Fact]
    public async Task More_than_twenty_municipalities_are_invalid()
    {
        // Stockholm county has 26 municipalities.
        string[] stockholmsLan =
        [
            "0114", "0115", "0117", "0120", "0123", "0125", "0126", "0127", "0128", "0136", "0138",
            "0139", "0140", "0160", "0162", "0163", "0180", "0181", "0182", "0183", "0184",
        ];
        await CreateRejected(Youth(stockholmsLan), "municipality_codes");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_employment_office_is_invalid(string office)
    {
        var request = Youth();
        request.EmploymentOffice = office;
        await CreateRejected(request, "employment_office");
    }

    [Fact]
    public async Task An_employment_office_over_200_characters_is_invalid()
    {
        var request = Youth();
        request.EmploymentOffice = new string('Ö', 201);
        await CreateRejected(request, "employment_office");
    }

    [Fact]
    public async Task An_employment_office_of_200_characters_is_valid()
    {
        var request = Youth();
        request.EmploymentOffice = new string('Ö', 200);
        var created = (await _client.CreateAgreementAsync(request)).Agreement;
        Assert.Equal(200, created.EmploymentOffice.Length);
    }

    [Fact]
    public async Task An_employment_office_with_a_line_break_is_invalid()
    {
        var request = Youth();
        request.EmploymentOffice = "Arbetsförmedlingen\nHudiksvall";
        await CreateRejected(request, "employment_office");
    }

    [Fact]
    public async Task A_missing_target_group_is_invalid()
    {
        var request = Youth();
        request.TargetGroups.Clear();
        await CreateRejected(request, "target_groups");
    }

    [Fact]
    public async Task An_unspecified_target_group_is_invalid()
    {
        var request = Youth();
        request.TargetGroups.Add(TargetGroup.Unspecified);
        await CreateRejected(request, "target_groups[1]");
    }

    [Fact]
    public async Task Focus_areas_on_a_youth_agreement_are_invalid()
    {
        var request = Youth();
        request.FocusAreas.Add(FocusArea.LocalRegionalDevelopment);
        await CreateRejected(request, "focus_areas");
    }

    [Fact]
    public async Task A_signatory_without_a_party_is_invalid()
    {
        var request = Youth();
        request.Signatories[1].Party = Party.Unspecified;
        request.Signatories[0].Name = "";
        await CreateRejected(request, "signatories[0].name", "signatories[1].party");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(2e9)]
    public async Task A_goal_baseline_that_is_not_a_finite_number_is_invalid(double baseline)
    {
        var request = Youth();
        request.Goals[0].Baseline = baseline;
        await CreateRejected(request, "goals[0].baseline");
    }

    [Fact]
    public async Task A_goal_target_date_that_is_not_a_date_is_invalid()
    {
        var request = Youth();
        request.Goals[0].TargetDate = "2020-13-01";
        await CreateRejected(request, "goals[0].target_date");
    }

    [Theory]
    [InlineData("1999-12-31")]
    [InlineData("2101-01-01")]
    public async Task A_goal_target_date_out_of_range_is_invalid(string date)
    {
        var request = Youth();
        request.Goals[0].TargetDate = date;
        await CreateRejected(request, "goals[0].target_date");
    }

    [Theory]
    [InlineData("")]
    [InlineData("2027-1-31")]
    [InlineData("31/12/2027")]
    [InlineData(" 2027-12-31")]
    public async Task A_goal_target_date_in_another_format_is_invalid(string date)
    {
        var request = Youth();
        request.Goals[0].TargetDate = date;
        await CreateRejected(request, "goals[0].target_date");
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once()
    {
        var request = Youth("0000");
        request.RequestId = "";
        request.EmploymentOffice = "";
        request.TargetGroups.Clear();
        request.Goals[0].Baseline = double.NaN;
        await CreateRejected(request, "request_id", "municipality_codes[0]", "employment_office", "target_groups", "goals[0].baseline");
    }

    // AddJobTrack: each rejected request leaves the agreement as it was.

    [Fact]
    public async Task An_occupation_code_not_in_SSYK_2012_is_invalid()
    {
        var track = TrackWithEmployer("Okänt yrke");
        track.OccupationCode = "9999";
        await AddJobTrackRejected(track, "job_track.occupation_code");
    }

    [Fact]
    public async Task An_organisation_number_with_a_wrong_check_digit_is_invalid()
    {
        await AddJobTrackRejected(TrackWithEmployer("Fel kontrollsiffra", "Volvo", "556036-0794"), "job_track.employers[0].organisation_number");
    }

    [Theory]
    [InlineData("")]
    [InlineData("556036079")]
    [InlineData("19810101-1234")]
    [InlineData("811228-9874")]
    public async Task An_organisation_number_in_another_shape_is_invalid(string number)
    {
        await AddJobTrackRejected(TrackWithEmployer("Fel form", "Någon", number), "job_track.employers[0].organisation_number");
    }

    [Fact]
    public async Task An_employer_without_a_name_is_invalid()
    {
        await AddJobTrackRejected(TrackWithEmployer("Namnlös", ""), "job_track.employers[0].name");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(105)]
    [InlineData(0)]
    [InlineData(-12)]
    public async Task A_length_outside_12_to_104_weeks_is_invalid(int weeks)
    {
        var track = TrackWithEmployer("Fel längd");
        track.LengthWeeks = weeks;
        foreach (var component in track.Components)
        {
            component.Weeks = Math.Clamp(component.Weeks, 1, Math.Max(weeks, 1));
        }

        await AddJobTrackRejected(track, "job_track.length_weeks");
    }

    [Theory]
    [InlineData(12)]
    [InlineData(104)]
    public async Task Lengths_of_12_and_104_weeks_are_valid(int weeks)
    {
        var id = await NewDraftAsync();
        var track = TrackWithEmployer("Rätt längd");
        track.LengthWeeks = weeks;
        track.Components.Clear();
        track.Components.Add(new JobTrackComponent { Kind = JobTrackComponentKind.Internship, Weeks = weeks });

        var added = await _client.AddJobTrackAsync(AddTrack(id, track));

        Assert.Equal(weeks, added.Agreement.JobTracks.Single().LengthWeeks);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_001)]
    public async Task Places_out_of_range_are_invalid(int places)
    {
        var track = TrackWithEmployer("Inga platser");
        track.Places = places;
        await AddJobTrackRejected(track, "job_track.places");
    }

    [Fact]
    public async Task A_component_longer_than_the_track_is_invalid()
    {
        var track = TrackWithEmployer("För lång praktik");
        track.Components[2].Weeks = track.LengthWeeks + 1;
        await AddJobTrackRejected(track, "job_track.components[2].weeks");
    }

    [Fact]
    public async Task A_component_of_no_weeks_is_invalid()
    {
        var track = TrackWithEmployer("Tom komponent");
        track.Components[0].Weeks = 0;
        await AddJobTrackRejected(track, "job_track.components[0].weeks");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(-3)]
    public async Task An_unknown_component_kind_is_invalid(int kind)
    {
        var track = TrackWithEmployer("Okänd komponent");
        track.Components[1].Kind = (JobTrackComponentKind)kind;
        await AddJobTrackRejected(track, "job_track.components[1].kind");
    }

    [Fact]
    public async Task A_track_without_components_is_invalid()
    {
        var track = TrackWithEmployer("Inget innehåll");
        track.Components.Clear();
        await AddJobTrackRejected(track, "job_track.components");
    }

    [Fact]
    public async Task A_track_without_a_name_is_invalid()
    {
        await AddJobTrackRejected(TrackWithEmployer(" "), "job_track.name");
    }

    [Fact]
    public async Task A_missing_job_track_is_invalid()
    {
        var id = await NewDraftAsync();
        var before = await GetAsync(id);

        await RpcAssert.InvalidFields(
            () => _client.AddJobTrackAsync(new AddJobTrackRequest { RequestId = NewRequestId(), AgreementId = id }).ResponseAsync,
            "job_track");

        Assert.Equal(before, await GetAsync(id));
    }

    [Fact]
    public async Task A_malformed_agreement_id_on_add_job_track_is_invalid()
    {
        await RpcAssert.InvalidFields(
            () => _client.AddJobTrackAsync(AddTrack("2184-abc", TrackWithEmployer("Vart?"))).ResponseAsync,
            "agreement_id");
    }

    [Fact]
    public async Task A_request_id_first_rejected_as_invalid_can_be_used_again()
    {
        var id = await NewDraftAsync();
        var bad = TrackWithEmployer("Spår");
        bad.Places = 0;
        var request = AddTrack(id, bad);
        await RpcAssert.InvalidFields(() => _client.AddJobTrackAsync(request).ResponseAsync, "job_track.places");

        request.JobTrack.Places = 5;
        var added = await _client.AddJobTrackAsync(request);

        Assert.Equal("t1", added.JobTrackId);
        Assert.Equal(2, added.Agreement.Version);
    }

    // SignAgreement and EndAgreement

    [Theory]
    [InlineData("2027-12-31", "2026-01-01")]
    [InlineData("2026-01-01", "2026-01-01")]
    public async Task Signing_with_valid_to_not_after_valid_from_is_invalid(string validFrom, string validTo)
    {
        var id = await NewDraftAsync();
        var before = await GetAsync(id);

        await RpcAssert.InvalidFields(() => _client.SignAgreementAsync(Sign(id, validFrom, validTo)).ResponseAsync, "valid_to");

        Assert.Equal(before, await GetAsync(id));
    }

    [Fact]
    public async Task Signing_without_dates_is_invalid()
    {
        var id = await NewDraftAsync();
        await RpcAssert.InvalidFields(() => _client.SignAgreementAsync(Sign(id, "", "2027-02-30")).ResponseAsync, "valid_from", "valid_to");
    }

    [Fact]
    public async Task Ending_as_superseded_is_invalid()
    {
        var id = (await _client.CreateAgreementAsync(Youth("2132"))).Agreement.AgreementId;
        var signed = (await _client.SignAgreementAsync(Sign(id))).Agreement;

        await RpcAssert.InvalidFields(() => _client.EndAgreementAsync(End(id, EndReason.Superseded, "Ersatt")).ResponseAsync, "reason");
        await RpcAssert.InvalidFields(() => _client.EndAgreementAsync(End(id, EndReason.Unspecified)).ResponseAsync, "reason");
        await RpcAssert.InvalidFields(() => _client.EndAgreementAsync(End(id, (EndReason)42)).ResponseAsync, "reason");

        Assert.Equal(signed, await GetAsync(id));
    }

    private async Task CreateRejected(CreateAgreementRequest request, params string[] fields)
    {
        await RpcAssert.InvalidFields(() => _client.CreateAgreementAsync(request).ResponseAsync, fields);

        // Nothing was stored under the id the request would have made.
        foreach (var region in new[] { Gavleborg, Sodermanland })
        {
            var id = Dua.Domain.Agreements.AgreementIdFormat.New(region, request.RequestId);
            await RpcAssert.FailsWith(Grpc.Core.StatusCode.NotFound,
                () => _client.GetAgreementAsync(new GetAgreementRequest { AgreementId = id }).ResponseAsync);
        }
    }

    private async Task AddJobTrackRejected(JobTrackSpec track, params string[] fields)
    {
        var id = await NewDraftAsync();
        var before = await GetAsync(id);

        await RpcAssert.InvalidFields(() => _client.AddJobTrackAsync(AddTrack(id, track)).ResponseAsync, fields);

        var after = await GetAsync(id);
        Assert.Equal(before, after);
        Assert.Equal(1, after.Version);
        Assert.Empty(after.JobTracks);

        // The refusal did not use up a job track id either.
        var next = await _client.AddJobTrackAsync(AddTrack(id, TrackWithEmployer("Giltigt spår")));
        Assert.Equal("t1", next.JobTrackId);
    }

    private async Task<string> NewDraftAsync() => (await _client.CreateAgreementAsync(Newcomers(Hudiksvall))).Agreement.AgreementId;

    private async Task<Agreement> GetAsync(string id) => (await _client.GetAgreementAsync(new GetAgreementRequest { AgreementId = id })).Agreement;
}
