using Dua.Contracts.V1;
using Dua.Domain;
using Dua.Domain.Participants;
using Dua.Grains;
using Dua.Grains.Agreements;
using Dua.Grains.Participants;
using Dua.Grains.Requests;
using Dua.Silo.Security;
using Grpc.Core;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;
using Dua.Grains.Abstractions.Participants;
using Dua.Grains.Abstractions.Requests;

namespace Dua.Silo.Api;

/// <summary>
/// dua.v1.ParticipantService: each method checks the request's shape (<see cref="ParticipantValidation"/>), maps it
/// to the domain (<see cref="ParticipantMapping"/>), asks the grain that holds the answer, and maps it back. The
/// personal identity number is checked and turned into a keyed pseudonym here, at the edge, and goes no further:
/// not into grains, storage, logs or error messages.
/// </summary>
public sealed class ParticipantApi(IGrainFactory grains, Pseudonymizer pseudonymizer, AgreementAreas areas) : ParticipantService.ParticipantServiceBase
{
    public static bool IsParticipantId(string? id) => ParticipantIdFormat.IsWellFormed(id);

    public override async Task<EnrolParticipantResponse> EnrolParticipant(EnrolParticipantRequest request, ServerCallContext context)
    {
        var number = ParticipantValidation.Check(request, SwedishCalendar.Today());
        var pseudonym = pseudonymizer.Pseudonymize(number);
        var enrolment = request.MapToDomain(pseudonym);

        // A missing agreement is left to the person grain's NOT_FOUND.
        if (await areas.OfAsync(request.AgreementId) is { } municipalities)
        {
            AreaAccess.RequireWrite(context.GetCaller(), municipalities);
        }

        // The fingerprint must not carry the number either: use the request as stored, with the pseudonym.
        var stored = request.Clone();
        stored.PersonalIdentityNumber = pseudonym;
        var key = RequestFingerprint.KeyOf(stored);

        // The person's grain recognises its own retries; this claim also refuses the id reused for another person.
        var claim = grains.ByKey<ICreateRequestGrain>(GrainKeys.CreateRequest(request.RequestId));
        await claim.ClaimAsync(key, $"enrolment:{request.AgreementId}");
        ParticipantSnapshot participant;
        try
        {
            participant = await grains.ByKey<IPersonGrain>(GrainKeys.Person(pseudonym)).EnrolAsync(key, enrolment);
        }
        catch (DomainRuleException)
        {
            // Refused: nothing was applied, so the request id is free again.
            await claim.ForgetAsync(key);
            throw;
        }

        return new EnrolParticipantResponse { Participant = participant.MapToContract() };
    }

    public override async Task<RecordProgressResponse> RecordProgress(RecordProgressRequest request, ServerCallContext context)
    {
        ParticipantValidation.Check(request, SwedishCalendar.Today());
        var step = request.MapToDomain();

        // The participant's id names its agreement, so the check needs no call to the participant; a missing
        // participant is left to its grain's NOT_FOUND.
        if (await areas.OfAsync(ParticipantIdFormat.AgreementOf(request.ParticipantId)) is { } municipalities)
        {
            AreaAccess.RequireWrite(context.GetCaller(), municipalities);
        }

        var participant = await Participant(request.ParticipantId).RecordAsync(RequestFingerprint.KeyOf(request), step);
        return new RecordProgressResponse { Participant = participant.MapToContract() };
    }

    public override async Task<GetParticipantResponse> GetParticipant(GetParticipantRequest request, ServerCallContext context)
    {
        ParticipantValidation.Check(request);
        var found = await Participant(request.ParticipantId).GetWithAreaAsync();
        if (found is null)
        {
            ApiErrors.NotFound("dua.v1.Participant", request.ParticipantId);
        }

        AreaAccess.RequireRead(context.GetCaller(), found.MunicipalityCodes);
        return new GetParticipantResponse { Participant = found.Participant.MapToContract() };
    }

    public override async Task<ListParticipantsResponse> ListParticipants(ListParticipantsRequest request, ServerCallContext context)
    {
        var (pageSize, filter, after) = ParticipantValidation.Check(request);
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
            ids.AddRange(ParticipantRoster.IdsAfter(request.AgreementId, agreement.ParticipantsAdmitted, after).Take(pageSize + 1));
        }

        var page = ids.Take(pageSize).ToArray();
        var participants = await Task.WhenAll(page.Select(id => Participant(id).GetAsync()));
        var response = new ListParticipantsResponse();
        response.Participants.AddRange(participants.OfType<ParticipantSnapshot>().Select(p => p.MapToContract()));
        if (ids.Count > pageSize)
        {
            response.NextPageToken = new PageToken(filter, page[^1]).Encode();
        }

        return response;
    }

    private IAgreementGrain Agreement(string agreementId) => grains.ByKey<IAgreementGrain>(GrainKeys.Agreement(agreementId));

    private IParticipantGrain Participant(string participantId) => grains.ByKey<IParticipantGrain>(GrainKeys.Participant(participantId));
}
