using Dua.Contracts.V1;
using Dua.Grains;
using Dua.Silo.Security;
using Grpc.Core;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Dialogues;

namespace Dua.Silo.Api;

/// <summary>dua.v1.DialogueService: validates shape, maps, and leaves every rule to the county's dialogue grain.</summary>
public sealed class DialogueApi(IGrainFactory grains) : DialogueService.DialogueServiceBase
{
    public override async Task<ScheduleDialogueResponse> ScheduleDialogue(ScheduleDialogueRequest request, ServerCallContext context)
    {
        DialogueValidation.Validate(request);
        RequireWrite(context, request.RegionCode, request.MunicipalityCodes);

        var dialogue = await Dialogues(request.RegionCode).ScheduleAsync(RequestFingerprint.KeyOf(request), request.MapToDomain());
        return new ScheduleDialogueResponse { Dialogue = dialogue.MapToContract() };
    }

    public override async Task<RecordDialogueOutcomeResponse> RecordDialogueOutcome(RecordDialogueOutcomeRequest request, ServerCallContext context)
    {
        DialogueValidation.Validate(request);
        RequireWrite(context, request.DialogueId[..2], request.MunicipalityCodes);

        var dialogue = await DialoguesOf(request.DialogueId).RecordOutcomeAsync(
            RequestFingerprint.KeyOf(request), request.DialogueId, [.. request.MunicipalityCodes]);
        return new RecordDialogueOutcomeResponse { Dialogue = dialogue.MapToContract() };
    }

    public override async Task<GetDialogueResponse> GetDialogue(GetDialogueRequest request, ServerCallContext context)
    {
        DialogueValidation.Validate(request);

        var dialogue = await DialoguesOf(request.DialogueId).GetAsync(request.DialogueId);
        if (dialogue is null)
        {
            ApiErrors.NotFound("dua.v1.Dialogue", request.DialogueId);
        }

        if (dialogue.Plan.InvitedMunicipalityCodes.IsDefaultOrEmpty)
        {
            AreaAccess.RequireReadInCounty(context.GetCaller(), dialogue.RegionCode);
        }
        else
        {
            AreaAccess.RequireRead(context.GetCaller(), dialogue.Plan.InvitedMunicipalityCodes);
        }

        return new GetDialogueResponse { Dialogue = dialogue.MapToContract() };
    }

    public override async Task<ListDialoguesResponse> ListDialogues(ListDialoguesRequest request, ServerCallContext context)
    {
        var (pageSize, afterNumber) = DialogueValidation.Validate(request);
        AreaAccess.RequireCounty(context.GetCaller(), request.RegionCode);

        var dialogues = await Dialogues(request.RegionCode).ListAsync(new DialogueQuery(request.OnlyOpen, afterNumber, pageSize + 1));

        var response = new ListDialoguesResponse();
        response.Dialogues.AddRange(dialogues.Take(pageSize).Select(d => d.MapToContract()));
        if (dialogues.Length > pageSize)
        {
            response.NextPageToken = new PageToken(DialogueValidation.ListFilter(request), dialogues[pageSize - 1].Id).Encode();
        }

        return response;
    }

    /// <summary>A dialogue write needs every municipality it names, or its whole county when it names none.</summary>
    private static void RequireWrite(ServerCallContext context, string regionCode, IReadOnlyCollection<string> municipalityCodes)
    {
        if (municipalityCodes.Count > 0)
        {
            AreaAccess.RequireWrite(context.GetCaller(), municipalityCodes);
        }
        else
        {
            AreaAccess.RequireWriteCounty(context.GetCaller(), regionCode);
        }
    }

    private IRegionDialoguesGrain Dialogues(string regionCode) => grains.ByKey<IRegionDialoguesGrain>(GrainKeys.RegionDialogues(regionCode));

    /// <summary>A dialogue id begins with its county's code, which names the grain holding it.</summary>
    private IRegionDialoguesGrain DialoguesOf(string dialogueId) => Dialogues(dialogueId[..2]);
}
