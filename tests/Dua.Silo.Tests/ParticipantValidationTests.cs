using Dua.Contracts.V1;
using Google.Rpc;
using Grpc.Core;
using static Dua.Testing.Requests.AgreementRequests;
using static Dua.Testing.Requests.ParticipantRequests;

namespace Dua.Silo.Tests;

/// <summary>
/// One test per shape rule of the participant requests: INVALID_ARGUMENT naming exactly the bad fields, nothing
/// stored or changed, and never the personal identity number repeated back.
/// </summary>
public sealed class ParticipantValidationTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>, IAsyncLifetime
{
    private readonly ParticipantService.ParticipantServiceClient _client = new(silo.Channel);
    private readonly AgreementService.AgreementServiceClient _agreements = new(silo.Channel);
    private string _agreementId = "";

    public async Task InitializeAsync() => (_agreementId, _) = await SignedAgreementAsync(_agreements, AgreementKind.Youth, Hudiksvall);

    public Task DisposeAsync() => Task.CompletedTask;

    // EnrolParticipant: the personal identity number

    public static TheoryData<string> BadNumbers()
    {
        var person = PersonBornOn(new DateOnly(1981, 12, 18), "987");
        return new TheoryData<string>
        {
            WithWrongCheckDigit(person.Ten),
            WithWrongCheckDigit(person.Twelve),
            WithWrongCheckDigit(CoordinationNumber),
            "811318-9873", // month 13
            "810230-1234", // 30 February
            "19810931-1231", // 31 September
            "811300-9870", // day 0
            "811292-1235", // day 92: no samordningsnummer day
            "811218-987", // too short
            "811218-98761", // too long
            "8112189876123",
            "1981121898",
            "81121A-9876",
            "811218 9876",
            "198112189876+", // a '+' only after a 2-digit year
            "19811218+9876",
            "21000101-0008", // born in the future
            "",
        };
    }

    [Theory]
    [MemberData(nameof(BadNumbers))]
    public async Task A_bad_personal_identity_number_is_invalid_and_not_repeated(string number)
    {
        var e = await EnrolRejected(Enrol(_agreementId, number), "personal_identity_number");

        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        var said = string.Join("\n", Describe(e));
        if (digits.Length >= 4)
        {
            Assert.DoesNotContain(digits, said, StringComparison.Ordinal);
            Assert.DoesNotContain(digits[^4..], said, StringComparison.Ordinal);
        }

        if (number.Length > 0)
        {
            Assert.DoesNotContain(number, said, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(CoordinationNumber)]
    [InlineData("197010632391")]
    [InlineData("19701063-2391")]
    [InlineData("7010632391")]
    public async Task A_samordningsnummer_is_accepted_in_every_notation(string number)
    {
        // Each notation enrols the same person: the first succeeds, the rest find the open process.
        try
        {
            var enrolled = (await _client.EnrolParticipantAsync(Enrol(_agreementId, number))).Participant;
            Assert.Equal(ParticipantStatus.Active, enrolled.Status);
        }
        catch (RpcException e)
        {
            Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
            Assert.Equal("one-open-process-per-person", e.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Subject);
        }
    }

    [Fact]
    public async Task A_number_with_surrounding_white_space_or_a_plus_for_a_centenarian_is_accepted()
    {
        var centenarian = PersonBornOn(new DateOnly(1920, 5, 5), "123");
        var request = Enrol(_agreementId, centenarian.Ten.Replace('-', '+'));
        Assert.Equal(ParticipantStatus.Active, (await _client.EnrolParticipantAsync(request)).Participant.Status);

        var spaced = Enrol(_agreementId, $" {NewPerson().Twelve} ");
        Assert.Equal(ParticipantStatus.Active, (await _client.EnrolParticipantAsync(spaced)).Participant.Status);
    }

    // EnrolParticipant: the other fields

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ärende-1")]
    public async Task A_bad_request_id_is_invalid(string requestId)
    {
        var request = Enrol(_agreementId, NewPerson().Ten);
        request.RequestId = requestId;
        await EnrolRejected(request, "request_id");
    }

    [Theory]
    [InlineData("")]
    [InlineData("21")]
    [InlineData("21-0123456789ABCDEF")]
    [InlineData("21-0123456789abcdef-p000001")]
    public async Task A_malformed_agreement_id_is_invalid(string agreementId)
    {
        await EnrolRejected(Enrol(agreementId, NewPerson().Ten), "agreement_id");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(-1)]
    [InlineData(99)]
    public async Task An_unspecified_or_unknown_age_band_is_invalid(int ageBand)
    {
        var request = Enrol(_agreementId, NewPerson().Ten);
        request.AgeBand = (AgeBand)ageBand;
        await EnrolRejected(request, "age_band");
    }

    [Fact]
    public async Task No_target_groups_is_invalid()
    {
        var request = Enrol(_agreementId, NewPerson().Ten);
        request.TargetGroups.Clear();
        await EnrolRejected(request, "target_groups");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(99)]
    public async Task An_unspecified_or_unknown_target_group_is_invalid(int group)
    {
        var request = Enrol(_agreementId, NewPerson().Ten);
        request.TargetGroups.Add((TargetGroup)group);
        await EnrolRejected(request, "target_groups[1]");
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-13-01")]
    [InlineData("2025-02-29")]
    [InlineData("2026-2-2")]
    [InlineData("02/02/2026")]
    [InlineData("2026-02-02T00:00:00Z")]
    [InlineData("1999-12-31")]
    public async Task A_missing_or_malformed_enrolment_date_is_invalid(string date)
    {
        await EnrolRejected(Enrol(_agreementId, NewPerson().Ten, date), "enrolled_on");
    }

    [Fact]
    public async Task An_enrolment_date_in_the_future_is_invalid()
    {
        await EnrolRejected(Enrol(_agreementId, NewPerson().Ten, Tomorrow()), "enrolled_on");
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once_and_the_number_is_not_repeated()
    {
        var number = WithWrongCheckDigit(NewPerson().Ten);
        var request = new EnrolParticipantRequest { PersonalIdentityNumber = number, EnrolledOn = "2026-02-30" };

        var e = await EnrolRejected(request, "request_id", "agreement_id", "personal_identity_number", "age_band", "target_groups", "enrolled_on");
        Assert.DoesNotContain(number.Replace("-", "", StringComparison.Ordinal), string.Join("\n", Describe(e)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_log_line_holds_a_personal_identity_number_enrolled_or_refused()
    {
        var enrolled = NewPerson();
        var refused = WithWrongCheckDigit(NewPerson().Ten);
        await _client.EnrolParticipantAsync(Enrol(_agreementId, enrolled.Ten));
        await EnrolRejected(Enrol(_agreementId, refused), "personal_identity_number");
        await RpcAssert.FailsWith(Grpc.Core.StatusCode.PermissionDenied, () => new ParticipantService.ParticipantServiceClient(
            silo.ChannelFor(TestCallers.Agency(Eskilstuna))).EnrolParticipantAsync(Enrol(_agreementId, NewPerson().Ten)).ResponseAsync);

        var logged = string.Join("\n", silo.Logs.Lines);
        Assert.NotEmpty(silo.Logs.Lines);
        foreach (var number in enrolled.Notations.Append(refused).Append(refused.Replace("-", "", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(number, logged, StringComparison.Ordinal);
        }
    }

    // RecordProgress

    [Theory]
    [InlineData("")]
    [InlineData("p000001")]
    [InlineData("21-0123456789abcdef")]
    [InlineData("21-0123456789abcdef-p1")]
    [InlineData("21-0123456789abcdef-x000001")]
    [InlineData("21-0123456789ABCDEF-p000001")]
    public async Task A_malformed_participant_id_is_invalid(string participantId)
    {
        await RpcAssert.InvalidFields(() => _client.RecordProgressAsync(StartJobPreparation(participantId, Day2)).ResponseAsync, "participant_id");
        await RpcAssert.InvalidFields(() => _client.GetParticipantAsync(new GetParticipantRequest { ParticipantId = participantId }).ResponseAsync, "participant_id");
    }

    [Fact]
    public async Task A_missing_step_is_invalid()
    {
        var id = await EnrolAsync();
        var request = StartJobPreparation(id, Day2);
        request.ClearStep();

        await StepRejected(request, "step");
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-02-30")]
    [InlineData("20260302")]
    [InlineData("2101-01-01")]
    public async Task A_missing_or_malformed_step_date_is_invalid(string date)
    {
        var id = await EnrolAsync();
        await StepRejected(StartJobPreparation(id, date), "occurred_on");
    }

    [Fact]
    public async Task A_step_date_in_the_future_is_invalid()
    {
        var id = await EnrolAsync();
        await StepRejected(StartJobPreparation(id, Tomorrow()), "occurred_on");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-5)]
    public async Task An_unspecified_or_unknown_path_choice_is_invalid(int choice)
    {
        var id = await EnrolAsync();
        await _client.RecordProgressAsync(StartJobPreparation(id, Day2));
        await StepRejected(ChoosePath(id, (PathChoice)choice, Day3), "choose_path.path_choice");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(1000)]
    public async Task An_unspecified_or_unknown_exit_outcome_is_invalid(int outcome)
    {
        var id = await EnrolAsync();
        await StepRejected(Exit(id, (ExitOutcome)outcome, Day2), "exit.outcome");
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("track-1")]
    [InlineData("t")]
    public async Task A_malformed_job_track_id_is_invalid(string jobTrackId)
    {
        var id = await EnrolAsync();
        await StepRejected(StartJobTrack(id, jobTrackId, Day2), "start_job_track.job_track_id");
    }

    [Fact]
    public async Task Every_bad_progress_field_is_named_at_once()
    {
        var request = new RecordProgressRequest { ParticipantId = "x", OccurredOn = "yesterday", Exit = new() };
        await RpcAssert.InvalidFields(() => _client.RecordProgressAsync(request).ResponseAsync, "request_id", "participant_id", "occurred_on", "exit.outcome");
    }

    // ListParticipants

    [Theory]
    [InlineData("")]
    [InlineData("21-0123456789abcdef-p000001")]
    public async Task Listing_needs_an_agreement_id(string agreementId)
    {
        await RpcAssert.InvalidFields(() => _client.ListParticipantsAsync(new ListParticipantsRequest { AgreementId = agreementId }).ResponseAsync, "agreement_id");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task A_page_size_out_of_range_is_invalid(int pageSize)
    {
        await RpcAssert.InvalidFields(() => _client.ListParticipantsAsync(new ListParticipantsRequest { AgreementId = _agreementId, PageSize = pageSize }).ResponseAsync, "page_size");
    }

    [Fact]
    public async Task A_page_token_of_another_listing_is_invalid()
    {
        await EnrolAsync();
        await EnrolAsync();
        var first = await _client.ListParticipantsAsync(new ListParticipantsRequest { AgreementId = _agreementId, PageSize = 1 });
        Assert.NotEmpty(first.NextPageToken);

        var (other, _) = await SignedAgreementAsync(_agreements, AgreementKind.Youth, Gavle);
        await RpcAssert.InvalidFields(
            () => _client.ListParticipantsAsync(new ListParticipantsRequest { AgreementId = other, PageToken = first.NextPageToken }).ResponseAsync,
            "page_token");
        await RpcAssert.InvalidFields(
            () => _client.ListParticipantsAsync(new ListParticipantsRequest { AgreementId = _agreementId, PageToken = "not-a-token" }).ResponseAsync,
            "page_token");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private async Task<string> EnrolAsync() =>
        (await _client.EnrolParticipantAsync(Enrol(_agreementId, NewPerson().Ten))).Participant.ParticipantId;

    /// <summary>Refused naming exactly these fields, and no one enrolled.</summary>
    private async Task<RpcException> EnrolRejected(EnrolParticipantRequest request, params string[] fields)
    {
        var before = await CountAsync();
        RpcException? refused = null;
        await RpcAssert.InvalidFields(async () =>
        {
            try
            {
                await _client.EnrolParticipantAsync(request);
            }
            catch (RpcException e)
            {
                refused = e;
                throw;
            }
        }, fields);
        Assert.Equal(before, await CountAsync());
        return refused!;
    }

    private async Task StepRejected(RecordProgressRequest request, params string[] fields)
    {
        var before = (await _client.GetParticipantAsync(new GetParticipantRequest { ParticipantId = request.ParticipantId })).Participant;
        await RpcAssert.InvalidFields(() => _client.RecordProgressAsync(request).ResponseAsync, fields);
        Assert.Equal(before, (await _client.GetParticipantAsync(new GetParticipantRequest { ParticipantId = request.ParticipantId })).Participant);
    }

    private async Task<int> CountAsync()
    {
        var request = new ListParticipantsRequest { AgreementId = _agreementId, PageSize = 100 };
        var count = 0;
        do
        {
            var page = await _client.ListParticipantsAsync(request);
            count += page.Participants.Count;
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return count;
    }

    /// <summary>Everything the refusal tells the client: status detail, trailers and field descriptions.</summary>
    private static IEnumerable<string> Describe(RpcException e)
    {
        yield return e.Message;
        yield return e.Status.Detail;
        foreach (var trailer in e.Trailers)
        {
            yield return trailer.IsBinary ? Convert.ToHexString(trailer.ValueBytes) + "\n" + System.Text.Encoding.Latin1.GetString(trailer.ValueBytes) : trailer.Value;
        }

        if (e.GetRpcStatus() is { } status)
        {
            yield return status.Message;
            foreach (var violation in status.GetDetail<BadRequest>()?.FieldViolations ?? [])
            {
                yield return violation.Description;
            }
        }
    }
}
