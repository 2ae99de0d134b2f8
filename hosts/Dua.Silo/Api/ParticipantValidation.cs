using Dua.Contracts.V1;
using Dua.Domain;
using Dua.Domain.Participants;

namespace Dua.Silo.Api;

/// <summary>
/// The shape of every ParticipantService request, checked at the edge: every bad field is named at once. The
/// order of a participant's steps and what each needs the domain decides.
/// </summary>
public static class ParticipantValidation
{
    /// <summary>A well-formed EnrolParticipant; returns the checked personal identity number, which goes no further than the edge.</summary>
    public static PersonalIdentityNumber Check(EnrolParticipantRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
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

        validator.RequireNotFuture("enrolled_on", validator.RequireDate("enrolled_on", request.EnrolledOn), today);
        validator.ThrowIfInvalid();
        return number!;
    }

    public static void Check(RecordProgressRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validator = new RequestValidator().RequireRequestId(request.RequestId).RequireParticipantId(request.ParticipantId);
        validator.RequireNotFuture("occurred_on", validator.RequireDate("occurred_on", request.OccurredOn), today);
        switch (request.StepCase)
        {
            case RecordProgressRequest.StepOneofCase.StartJobPreparation:
                break;
            case RecordProgressRequest.StepOneofCase.ChoosePath:
                validator.RequireEnum("choose_path.path_choice", request.ChoosePath.PathChoice);
                break;
            case RecordProgressRequest.StepOneofCase.StartJobTrack:
                validator.RequireJobTrackId(request.StartJobTrack.JobTrackId, "start_job_track.job_track_id");
                break;
            case RecordProgressRequest.StepOneofCase.Exit:
                validator.RequireEnum("exit.outcome", request.Exit.Outcome);
                break;
            default:
                validator.Add("step", "is required: one of start_job_preparation, choose_path, start_job_track, exit");
                break;
        }

        validator.ThrowIfInvalid();
    }

    public static void Check(GetParticipantRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestValidator().RequireParticipantId(request.ParticipantId).ThrowIfInvalid();
    }

    /// <summary>A well-formed ListParticipants; returns its page size, the filter its page tokens carry and the id to list after.</summary>
    public static (int PageSize, string Filter, string? After) Check(ListParticipantsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validator = new RequestValidator().RequireAgreementId(request.AgreementId);
        if (request.JobTrackId.Length > 0)
        {
            validator.RequireJobTrackId(request.JobTrackId);
        }

        var pageSize = PageSize.Resolve(request.PageSize, validator);
        var filter = $"{request.AgreementId}/{request.JobTrackId}";
        var after = PageToken.Decode(request.PageToken, filter, ParticipantIdFormat.IsWellFormed, validator);
        validator.ThrowIfInvalid();
        return (pageSize, filter, after);
    }

    public static RequestValidator RequireParticipantId(this RequestValidator validator, string? id) =>
        ParticipantIdFormat.IsWellFormed(id) ? validator : validator.Add("participant_id", $"must be a participant id such as \"{ParticipantIdFormat.Example}\"");

    private static void RequireNotFuture(this RequestValidator validator, string field, DateOnly? date, DateOnly today)
    {
        if (date > today)
        {
            validator.Add(field, $"must not be in the future (today is {today:yyyy-MM-dd} in Sweden)");
        }
    }
}
