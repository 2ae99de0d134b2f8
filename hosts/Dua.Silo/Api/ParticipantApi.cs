using System.Text.RegularExpressions;
using Dua.Contracts.V1;
using Dua.Domain;
using Dua.Grains;
using Dua.Grains.Agreements;
using Dua.Grains.Participants;
using Dua.Silo.Security;
using Grpc.Core;
using V1 = Dua.Contracts.V1;

namespace Dua.Silo.Api;

/// <summary>
/// dua.v1.ParticipantService. The personal identity number is checked and turned into a keyed pseudonym here,
/// at the edge, and goes no further: not into grains, storage, logs or error messages.
/// </summary>
public sealed partial class ParticipantApi(IGrainFactory grains, Pseudonymizer pseudonymizer) : ParticipantService.ParticipantServiceBase
{
    [GeneratedRegex("^[0-9]{2}-[0-9a-f]{16}-p[0-9]{6,9}$")]
    private static partial Regex ParticipantIdPattern();

    public static bool IsParticipantId(string? id) => id is not null && ParticipantIdPattern().IsMatch(id);

    public override async Task<EnrolParticipantResponse> EnrolParticipant(EnrolParticipantRequest request, ServerCallContext context)
    {
        var today = SwedishCalendar.Today();
        var validator = new RequestValidator().RequireRequestId(request.RequestId).RequireAgreementId(request.AgreementId);
        if (!PersonalIdentityNumber.TryParse(request.PersonalIdentityNumber, today, out var number, out var error))
        {
            // The error never repeats the number.
            validator.Add("personal_identity_number", $"is not a valid personnummer or samordningsnummer: {error}");
        }

        validator.RequireEnum("age_band", request.AgeBand);
        validator.RequireCount("target_groups", request.TargetGroups.Count, 1, 10);
        for (var i = 0; i < request.TargetGroups.Count; i++)
        {
            validator.RequireEnum($"target_groups[{i}]", request.TargetGroups[i]);
        }

        RequireNotFuture(validator, "enrolled_on", validator.RequireDate("enrolled_on", request.EnrolledOn), today);
        validator.ThrowIfInvalid();
        // A missing agreement is left to the person grain's NOT_FOUND.
        if (await Agreement(request.AgreementId).GetAsync() is { } target)
        {
            AreaAccess.RequireWrite(context.GetCaller(), target.MunicipalityCodes);
        }

        var pseudonym = pseudonymizer.Pseudonymize(number!);
        var enrolment = new Enrolment(
            request.AgreementId, pseudonym, (Grains.Participants.AgeBand)request.AgeBand,
            [.. request.TargetGroups.Distinct().Select(g => (Grains.Agreements.TargetGroup)g)],
            AgreementMapping.ParseDate(request.EnrolledOn));

        // The fingerprint must not carry the number either: use the request as stored, with the pseudonym.
        var stored = request.Clone();
        stored.PersonalIdentityNumber = pseudonym;
        var key = RequestFingerprint.KeyOf(stored);

        // The person's grain recognises its own retries; this claim also refuses the id reused for another person.
        var claim = grains.GetGrain<ICreateRequestGrain>(GrainKeys.CreateRequest(request.RequestId));
        await claim.ClaimAsync(key, $"enrolment:{request.AgreementId}");
        ParticipantSnapshot participant;
        try
        {
            participant = await grains.GetGrain<IPersonGrain>(GrainKeys.Person(pseudonym)).EnrolAsync(key, enrolment);
        }
        catch (DomainException)
        {
            // Refused: nothing was applied, so the request id is free again.
            await claim.ForgetAsync(key);
            throw;
        }

        return new EnrolParticipantResponse { Participant = participant.MapToContract() };
    }

    public override async Task<RecordProgressResponse> RecordProgress(RecordProgressRequest request, ServerCallContext context)
    {
        var today = SwedishCalendar.Today();
        var validator = new RequestValidator().RequireRequestId(request.RequestId);
        RequireParticipantId(validator, request.ParticipantId);
        var occurredOn = validator.RequireDate("occurred_on", request.OccurredOn);
        RequireNotFuture(validator, "occurred_on", occurredOn, today);

        ProgressStep? step = null;
        switch (request.StepCase)
        {
            case RecordProgressRequest.StepOneofCase.StartJobPreparation:
                step = new ProgressStep(Grains.Participants.ParticipantEventKind.JobPreparationStarted, occurredOn ?? default);
                break;
            case RecordProgressRequest.StepOneofCase.ChoosePath:
                validator.RequireEnum("choose_path.path_choice", request.ChoosePath.PathChoice);
                step = new ProgressStep(Grains.Participants.ParticipantEventKind.PathChosen, occurredOn ?? default, PathChoice: (Grains.Participants.PathChoice)request.ChoosePath.PathChoice);
                break;
            case RecordProgressRequest.StepOneofCase.StartJobTrack:
                validator.RequireJobTrackId(request.StartJobTrack.JobTrackId, "start_job_track.job_track_id");
                step = new ProgressStep(Grains.Participants.ParticipantEventKind.JobTrackStarted, occurredOn ?? default, JobTrackId: request.StartJobTrack.JobTrackId);
                break;
            case RecordProgressRequest.StepOneofCase.Exit:
                validator.RequireEnum("exit.outcome", request.Exit.Outcome);
                step = new ProgressStep(Grains.Participants.ParticipantEventKind.Exited, occurredOn ?? default, Outcome: (Grains.Participants.ExitOutcome)request.Exit.Outcome);
                break;
            default:
                validator.Add("step", "is required: one of start_job_preparation, choose_path, start_job_track, exit");
                break;
        }

        validator.ThrowIfInvalid();
        if (await Participant(request.ParticipantId).GetAsync() is { } current && await Agreement(current.AgreementId).GetAsync() is { } agreement)
        {
            AreaAccess.RequireWrite(context.GetCaller(), agreement.MunicipalityCodes);
        }

        var participant = await Participant(request.ParticipantId).RecordAsync(RequestFingerprint.KeyOf(request), step!);
        return new RecordProgressResponse { Participant = participant.MapToContract() };
    }

    public override async Task<GetParticipantResponse> GetParticipant(GetParticipantRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        RequireParticipantId(validator, request.ParticipantId);
        validator.ThrowIfInvalid();

        var participant = await Participant(request.ParticipantId).GetAsync();
        if (participant is null)
        {
            ApiErrors.NotFound("dua.v1.Participant", request.ParticipantId);
        }

        var agreement = await Agreement(participant.AgreementId).GetAsync();
        AreaAccess.RequireRead(context.GetCaller(), agreement?.MunicipalityCodes ?? []);
        return new GetParticipantResponse { Participant = participant.MapToContract() };
    }

    public override async Task<ListParticipantsResponse> ListParticipants(ListParticipantsRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator().RequireAgreementId(request.AgreementId);
        if (request.JobTrackId.Length > 0)
        {
            validator.RequireJobTrackId(request.JobTrackId);
        }

        var pageSize = PageSize.Resolve(request.PageSize, validator);
        var after = PageToken.Decode(request.PageToken, $"{request.AgreementId}/{request.JobTrackId}", IsParticipantId, validator);
        validator.ThrowIfInvalid();

        var agreement = await Agreement(request.AgreementId).GetAsync();
        if (agreement is null)
        {
            ApiErrors.NotFound("dua.v1.Agreement", request.AgreementId);
        }

        AreaAccess.RequireRead(context.GetCaller(), agreement.MunicipalityCodes);

        var ids = new List<string>(pageSize + 1);
        if (request.JobTrackId.Length > 0)
        {
            var track = agreement.JobTracks.FirstOrDefault(t => t.Id == request.JobTrackId);
            if (track is null)
            {
                ApiErrors.NotFound("dua.v1.JobTrack", request.JobTrackId);
            }

            ids.AddRange(track.Participants.Where(id => after is null || string.CompareOrdinal(id, after) > 0).Take(pageSize + 1));
        }
        else
        {
            // Participant numbers fill roster buckets in order, so a page reads one or two buckets.
            var firstBucket = after is null ? 0 : ParticipantNumber(after) / IAgreementRosterGrain.BucketSize;
            var lastBucket = agreement.ParticipantsAdmitted / IAgreementRosterGrain.BucketSize;
            for (var bucket = firstBucket; bucket <= lastBucket && ids.Count <= pageSize; bucket++)
            {
                var roster = await grains.GetGrain<IAgreementRosterGrain>(GrainKeys.Roster(request.AgreementId, bucket)).ListAsync();
                ids.AddRange(roster.Where(id => after is null || string.CompareOrdinal(id, after) > 0).Take(pageSize + 1 - ids.Count));
            }
        }

        var page = ids.Take(pageSize).ToArray();
        var participants = await Task.WhenAll(page.Select(id => Participant(id).GetAsync()));
        var response = new ListParticipantsResponse();
        response.Participants.AddRange(participants.OfType<ParticipantSnapshot>().Select(p => p.MapToContract()));
        if (ids.Count > pageSize)
        {
            response.NextPageToken = new PageToken($"{request.AgreementId}/{request.JobTrackId}", page[^1]).Encode();
        }

        return response;
    }

    private static int ParticipantNumber(string participantId) =>
        int.Parse(participantId[(participantId.LastIndexOf("-p", StringComparison.Ordinal) + 2)..], System.Globalization.CultureInfo.InvariantCulture);

    private static void RequireParticipantId(RequestValidator validator, string? id)
    {
        if (!IsParticipantId(id))
        {
            validator.Add("participant_id", "must be a participant id such as \"21-5f3c9a1e2b7d4c08-p000001\"");
        }
    }

    private static void RequireNotFuture(RequestValidator validator, string field, DateOnly? date, DateOnly today)
    {
        if (date > today)
        {
            validator.Add(field, $"must not be in the future (today is {today:yyyy-MM-dd} in Sweden)");
        }
    }

    private IAgreementGrain Agreement(string agreementId) => grains.GetGrain<IAgreementGrain>(GrainKeys.Agreement(agreementId));

    private IParticipantGrain Participant(string participantId) => grains.GetGrain<IParticipantGrain>(GrainKeys.Participant(participantId));
}
