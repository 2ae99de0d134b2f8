using System.Security.Cryptography;
using System.Text;
using Dua.Contracts.V1;
using Dua.Grains;
using Dua.Grains.Agreements;
using Dua.ReferenceData;
using Dua.Silo.Security;
using Dua.Silo.Statistics;
using Grpc.Core;
using V1 = Dua.Contracts.V1;

namespace Dua.Silo.Api;

/// <summary>dua.v1.AgreementService: validates shape, maps, and leaves every rule to the agreement grain.</summary>
public sealed class AgreementApi(IGrainFactory grains) : AgreementService.AgreementServiceBase
{
    public override async Task<CreateAgreementResponse> CreateAgreement(CreateAgreementRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator().RequireRequestId(request.RequestId);
        validator.RequireEnum("kind", request.Kind);
        var region = validator.RequireMunicipalities(request.MunicipalityCodes);
        validator.ValidateTerms(request.Kind, request.EmploymentOffice, request.Signatories, request.TargetGroups, request.FocusAreas, request.Goals);
        validator.ThrowIfInvalid();
        AreaAccess.RequireWrite(context.GetCaller(), request.MunicipalityCodes);

        var draft = new AgreementDraft(
            (Grains.Agreements.AgreementKind)request.Kind,
            [.. request.MunicipalityCodes],
            region!,
            AgreementMapping.MapToTerms(request.EmploymentOffice, request.Signatories, request.TargetGroups, request.FocusAreas, request.Goals));
        var key = RequestFingerprint.KeyOf(request);
        var agreementId = await grains.GetGrain<ICreateRequestGrain>(GrainKeys.CreateRequest(request.RequestId))
            .ClaimAsync(key, NewAgreementId(region!, request.RequestId));
        var agreement = await Agreement(agreementId).CreateAsync(key, draft);
        return new CreateAgreementResponse { Agreement = agreement.MapToContract() };
    }

    public override async Task<GetAgreementResponse> GetAgreement(GetAgreementRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireAgreementId(request.AgreementId).ThrowIfInvalid();
        var agreement = await Agreement(request.AgreementId).GetAsync();
        if (agreement is null)
        {
            ApiErrors.NotFound("dua.v1.Agreement", request.AgreementId);
        }

        var caller = context.GetCaller();
        AreaAccess.RequireRead(caller, agreement.MunicipalityCodes);
        return new GetAgreementResponse { Agreement = AsSeenBy(agreement, caller) };
    }

    public override async Task<ListAgreementsResponse> ListAgreements(ListAgreementsRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        if (request.MunicipalityCode.Length > 0 && request.RegionCode.Length > 0)
        {
            validator.Add("region_code", "give municipality_code or region_code, not both");
        }

        if (request.MunicipalityCode.Length > 0)
        {
            validator.RequireMunicipalityCode("municipality_code", request.MunicipalityCode);
        }

        if (request.RegionCode.Length > 0)
        {
            validator.RequireRegionCode("region_code", request.RegionCode);
        }

        if (request.Kind != V1.AgreementKind.Unspecified)
        {
            validator.RequireEnum("kind", request.Kind);
        }

        if (request.Status != V1.AgreementStatus.Unspecified)
        {
            validator.RequireEnum("status", request.Status);
        }

        var pageSize = PageSize.Resolve(request.PageSize, validator);
        var filter = $"{request.MunicipalityCode}/{request.RegionCode}/{(int)request.Kind}/{(int)request.Status}";
        var after = PageToken.Decode(request.PageToken, filter, AgreementValidation.IsAgreementId, validator);
        validator.ThrowIfInvalid();
        var caller = context.GetCaller();
        RequireListFilter(caller, request);

        // Agreement ids begin with their county's code, so walking indexes in county order lists them in id order.
        IEnumerable<Func<Task<System.Collections.Immutable.ImmutableArray<AgreementIndexEntry>>>> sources =
            request.MunicipalityCode.Length > 0
                ? [() => grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(request.MunicipalityCode)).ListAgreementsAsync()]
                : (request.RegionCode.Length > 0 ? new[] { request.RegionCode } : Geography.Sweden.Counties.Select(c => c.Code))
                    .Where(code => after is null || string.CompareOrdinal(code, after[..2]) >= 0)
                    .Select(code => (Func<Task<System.Collections.Immutable.ImmutableArray<AgreementIndexEntry>>>)(() => grains.GetGrain<IRegionGrain>(GrainKeys.Region(code)).ListAgreementsAsync()));

        var ids = new List<string>(pageSize + 1);
        foreach (var source in sources)
        {
            ids.AddRange((await source())
                .Where(e => after is null || string.CompareOrdinal(e.AgreementId, after) > 0)
                .Where(e => request.Kind == V1.AgreementKind.Unspecified || (int)e.Kind == (int)request.Kind)
                .Where(e => request.Status == V1.AgreementStatus.Unspecified || (int)e.Status == (int)request.Status)
                .Select(e => e.AgreementId)
                .Take(pageSize + 1 - ids.Count));
            if (ids.Count > pageSize)
            {
                break;
            }
        }

        var page = ids.Take(pageSize).ToArray();
        var agreements = await Task.WhenAll(page.Select(id => Agreement(id).GetAsync()));
        var response = new ListAgreementsResponse();
        response.Agreements.AddRange(agreements.OfType<AgreementSnapshot>().Select(a => AsSeenBy(a, caller)));
        if (ids.Count > pageSize)
        {
            response.NextPageToken = new PageToken(filter, page[^1]).Encode();
        }

        return response;
    }

    public override async Task<AmendAgreementResponse> AmendAgreement(AmendAgreementRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator().RequireRequestId(request.RequestId).RequireAgreementId(request.AgreementId);
        validator.RequireText("description", request.Description, FieldChecks.MaxText);
        var paths = request.UpdateMask?.Paths.ToHashSet(StringComparer.Ordinal) ?? [];
        if (paths.Count == 0)
        {
            validator.Add("update_mask", $"must name what to change: {string.Join(", ", AgreementValidation.AmendablePaths)}");
        }

        foreach (var path in paths.Where(p => !AgreementValidation.AmendablePaths.Contains(p)))
        {
            validator.Add("update_mask", $"{ErrorBounds.Quote(path)} cannot be amended; allowed: {string.Join(", ", AgreementValidation.AmendablePaths)}");
        }

        DateOnly? validTo = paths.Contains("valid_to") ? validator.RequireDate("valid_to", request.ValidTo) : null;
        validator.ThrowIfInvalid();

        var grain = Agreement(request.AgreementId);
        var current = await grain.GetAsync();
        if (current is null)
        {
            ApiErrors.NotFound("dua.v1.Agreement", request.AgreementId);
        }

        AreaAccess.RequireWrite(context.GetCaller(), current.MunicipalityCodes);

        // Unmasked parts keep their current values; the masked ones are validated as a whole new set of terms.
        var kind = (V1.AgreementKind)current.Kind;
        var contract = current.MapToContract();
        var office = paths.Contains("employment_office") ? request.EmploymentOffice : contract.EmploymentOffice;
        var signatories = paths.Contains("signatories") ? request.Signatories : contract.Signatories;
        var targetGroups = paths.Contains("target_groups") ? request.TargetGroups : contract.TargetGroups;
        var focusAreas = paths.Contains("focus_areas") ? request.FocusAreas : contract.FocusAreas;
        var goals = paths.Contains("goals") ? request.Goals : contract.Goals;
        validator.ValidateTerms(kind, office, signatories, targetGroups, focusAreas, goals);
        validator.ThrowIfInvalid();

        var terms = paths.Overlaps(["employment_office", "signatories", "target_groups", "focus_areas", "goals"])
            ? AgreementMapping.MapToTerms(office, signatories, targetGroups, focusAreas, goals)
            : null;
        var agreement = await grain.AmendAsync(RequestFingerprint.KeyOf(request), new AgreementAmendment(request.Description.Trim(), terms, validTo));
        return new AmendAgreementResponse { Agreement = agreement.MapToContract() };
    }

    public override async Task<AddJobTrackResponse> AddJobTrack(AddJobTrackRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator().RequireRequestId(request.RequestId).RequireAgreementId(request.AgreementId);
        validator.ValidateJobTrack(request.JobTrack);
        validator.ThrowIfInvalid();
        await RequireWriteAsync(context, request.AgreementId);

        var added = await Agreement(request.AgreementId).AddJobTrackAsync(RequestFingerprint.KeyOf(request), request.JobTrack.MapToDomain());
        return new AddJobTrackResponse { Agreement = added.Agreement.MapToContract(), JobTrackId = added.JobTrackId };
    }

    public override async Task<UpdateJobTrackResponse> UpdateJobTrack(UpdateJobTrackRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator().RequireRequestId(request.RequestId).RequireAgreementId(request.AgreementId).RequireJobTrackId(request.JobTrackId);
        validator.ValidateJobTrack(request.JobTrack);
        validator.ThrowIfInvalid();
        await RequireWriteAsync(context, request.AgreementId);

        var agreement = await Agreement(request.AgreementId).UpdateJobTrackAsync(RequestFingerprint.KeyOf(request), request.JobTrackId, request.JobTrack.MapToDomain());
        return new UpdateJobTrackResponse { Agreement = agreement.MapToContract() };
    }

    public override async Task<CloseJobTrackResponse> CloseJobTrack(CloseJobTrackRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireRequestId(request.RequestId).RequireAgreementId(request.AgreementId).RequireJobTrackId(request.JobTrackId).ThrowIfInvalid();
        await RequireWriteAsync(context, request.AgreementId);

        var agreement = await Agreement(request.AgreementId).CloseJobTrackAsync(RequestFingerprint.KeyOf(request), request.JobTrackId);
        return new CloseJobTrackResponse { Agreement = agreement.MapToContract() };
    }

    public override async Task<SignAgreementResponse> SignAgreement(SignAgreementRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator().RequireRequestId(request.RequestId).RequireAgreementId(request.AgreementId);
        var from = validator.RequireDate("valid_from", request.ValidFrom);
        var to = validator.RequireDate("valid_to", request.ValidTo);
        if (from is not null && to is not null && to <= from)
        {
            validator.Add("valid_to", "must be after valid_from");
        }

        validator.ThrowIfInvalid();
        await RequireWriteAsync(context, request.AgreementId);

        var agreement = await Agreement(request.AgreementId).SignAsync(RequestFingerprint.KeyOf(request), from!.Value, to!.Value);
        return new SignAgreementResponse { Agreement = agreement.MapToContract() };
    }

    public override async Task<EndAgreementResponse> EndAgreement(EndAgreementRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator().RequireRequestId(request.RequestId).RequireAgreementId(request.AgreementId);
        if (request.Reason is not (V1.EndReason.Expired or V1.EndReason.Terminated))
        {
            validator.Add("reason", "must be END_REASON_EXPIRED or END_REASON_TERMINATED (SUPERSEDED follows from signing a successor)");
        }

        if (request.Reason == V1.EndReason.Terminated)
        {
            validator.RequireText("note", request.Note, FieldChecks.MaxText);
        }
        else
        {
            validator.OptionalText("note", request.Note, FieldChecks.MaxText);
        }

        validator.ThrowIfInvalid();
        await RequireWriteAsync(context, request.AgreementId);

        var agreement = await Agreement(request.AgreementId).EndAsync(RequestFingerprint.KeyOf(request), (Grains.Agreements.EndReason)request.Reason, request.Note.Trim());
        return new EndAgreementResponse { Agreement = agreement.MapToContract() };
    }

    /// <summary>
    /// The id of the agreement a create request makes: derived from its request id, so a retried create lands on
    /// the same grain, which recognises the retry.
    /// </summary>
    public static string NewAgreementId(string regionCode, string requestId) =>
        $"{regionCode}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"agreement|{requestId}")))[..16]}";

    /// <summary>A write to an agreement needs every municipality it covers; a missing one is left to the grain's NOT_FOUND.</summary>
    private async Task RequireWriteAsync(ServerCallContext context, string agreementId)
    {
        if (await Agreement(agreementId).GetAsync() is { } agreement)
        {
            AreaAccess.RequireWrite(context.GetCaller(), agreement.MunicipalityCodes);
        }
    }

    /// <summary>An agreement read: the counts of people in it as the caller may see them.</summary>
    private static V1.Agreement AsSeenBy(AgreementSnapshot snapshot, Dua.Security.Caller caller)
    {
        var agreement = snapshot.MapToContract();
        var disclosure = CallerDisclosure.Of(caller);
        foreach (var track in agreement.JobTracks)
        {
            CallerDisclosure.WithholdPlacesTaken(track, disclosure);
        }

        return agreement;
    }

    private static void RequireListFilter(Dua.Security.Caller caller, ListAgreementsRequest request)
    {
        if (request.MunicipalityCode.Length > 0)
        {
            AreaAccess.RequireMunicipality(caller, request.MunicipalityCode);
        }
        else if (request.RegionCode.Length > 0)
        {
            AreaAccess.RequireCounty(caller, request.RegionCode);
        }
        else
        {
            AreaAccess.RequireCountry(caller);
        }
    }

    private IAgreementGrain Agreement(string agreementId) => grains.GetGrain<IAgreementGrain>(GrainKeys.Agreement(agreementId));
}
