using System.Collections.Immutable;
using Dua.Contracts.V1;
using Dua.Domain.Agreements;
using Dua.Grains;
using Dua.Grains.Agreements;
using Dua.Grains.Requests;
using Dua.ReferenceData;
using Dua.Silo.Security;
using Dua.Silo.Statistics;
using Grpc.Core;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;
using Dua.Grains.Abstractions.Requests;

namespace Dua.Silo.Api;

/// <summary>
/// dua.v1.AgreementService: each method checks the request's shape (<see cref="AgreementValidation"/>), maps it
/// to the domain (<see cref="AgreementMapping"/>), asks the agreement's grain, and maps the answer back.
/// </summary>
public sealed class AgreementApi(IGrainFactory grains) : AgreementService.AgreementServiceBase
{
    public override async Task<CreateAgreementResponse> CreateAgreement(CreateAgreementRequest request, ServerCallContext context)
    {
        var region = AgreementValidation.Check(request);
        var draft = request.MapToDomain(region);
        AreaAccess.RequireWrite(context.GetCaller(), request.MunicipalityCodes);

        // The id derives from the request id, so a retry lands on the same grain, which recognises it.
        var key = RequestFingerprint.KeyOf(request);
        var agreementId = await grains.ByKey<ICreateRequestGrain>(GrainKeys.CreateRequest(request.RequestId))
            .ClaimAsync(key, AgreementIdFormat.New(region, request.RequestId));
        var agreement = await Agreement(agreementId).CreateAsync(key, draft);
        return new CreateAgreementResponse { Agreement = agreement.MapToContract() };
    }

    public override async Task<GetAgreementResponse> GetAgreement(GetAgreementRequest request, ServerCallContext context)
    {
        AgreementValidation.Check(request);
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
        var (pageSize, filter, after) = AgreementValidation.Check(request);
        var caller = context.GetCaller();
        RequireListFilter(caller, request);
        var (kind, status) = (request.Kind.MapToFilter(), request.Status.MapToFilter());

        // Agreement ids begin with their county's code, so walking indexes in county order lists them in id order.
        IEnumerable<Func<Task<ImmutableArray<AgreementIndexEntry>>>> sources =
            request.MunicipalityCode.Length > 0
                ? [() => grains.ByKey<IMunicipalityGrain>(GrainKeys.Municipality(request.MunicipalityCode)).ListAgreementsAsync()]
                : (request.RegionCode.Length > 0 ? new[] { request.RegionCode } : Geography.Sweden.Counties.Select(c => c.Code))
                    .Where(code => after is null || string.CompareOrdinal(code, AgreementIdFormat.CountyOf(after)) >= 0)
                    .Select(code => (Func<Task<ImmutableArray<AgreementIndexEntry>>>)(() => grains.ByKey<IRegionGrain>(GrainKeys.Region(code)).ListAgreementsAsync()));

        var ids = new List<string>(pageSize + 1);
        foreach (var source in sources)
        {
            ids.AddRange((await source())
                .Where(e => after is null || string.CompareOrdinal(e.AgreementId, after) > 0)
                .Where(e => (kind is null || e.Kind == kind) && (status is null || e.Status == status))
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
        var amendment = request.MapToDomain(AgreementValidation.Check(request));
        await RequireWriteAsync(context, request.AgreementId);

        var agreement = await Agreement(request.AgreementId).AmendAsync(RequestFingerprint.KeyOf(request), amendment);
        return new AmendAgreementResponse { Agreement = agreement.MapToContract() };
    }

    public override async Task<AddJobTrackResponse> AddJobTrack(AddJobTrackRequest request, ServerCallContext context)
    {
        AgreementValidation.Check(request);
        var spec = request.JobTrack.MapToDomain();
        await RequireWriteAsync(context, request.AgreementId);

        var added = await Agreement(request.AgreementId).AddJobTrackAsync(RequestFingerprint.KeyOf(request), spec);
        return new AddJobTrackResponse { Agreement = added.Agreement.MapToContract(), JobTrackId = added.JobTrackId };
    }

    public override async Task<UpdateJobTrackResponse> UpdateJobTrack(UpdateJobTrackRequest request, ServerCallContext context)
    {
        AgreementValidation.Check(request);
        var spec = request.JobTrack.MapToDomain();
        await RequireWriteAsync(context, request.AgreementId);

        var agreement = await Agreement(request.AgreementId).UpdateJobTrackAsync(RequestFingerprint.KeyOf(request), request.JobTrackId, spec);
        return new UpdateJobTrackResponse { Agreement = agreement.MapToContract() };
    }

    public override async Task<CloseJobTrackResponse> CloseJobTrack(CloseJobTrackRequest request, ServerCallContext context)
    {
        AgreementValidation.Check(request);
        await RequireWriteAsync(context, request.AgreementId);

        var agreement = await Agreement(request.AgreementId).CloseJobTrackAsync(RequestFingerprint.KeyOf(request), request.JobTrackId);
        return new CloseJobTrackResponse { Agreement = agreement.MapToContract() };
    }

    public override async Task<SignAgreementResponse> SignAgreement(SignAgreementRequest request, ServerCallContext context)
    {
        AgreementValidation.Check(request);
        var validity = request.MapToDomain();
        await RequireWriteAsync(context, request.AgreementId);

        var agreement = await Agreement(request.AgreementId).SignAsync(RequestFingerprint.KeyOf(request), validity);
        return new SignAgreementResponse { Agreement = agreement.MapToContract() };
    }

    public override async Task<EndAgreementResponse> EndAgreement(EndAgreementRequest request, ServerCallContext context)
    {
        AgreementValidation.Check(request);
        await RequireWriteAsync(context, request.AgreementId);

        var agreement = await Agreement(request.AgreementId).EndAsync(RequestFingerprint.KeyOf(request), request.Reason.MapToDomain(), request.Note.Trim());
        return new EndAgreementResponse { Agreement = agreement.MapToContract() };
    }

    /// <summary>A write to an agreement needs every municipality it covers; a missing one is left to the grain's NOT_FOUND.</summary>
    private async Task RequireWriteAsync(ServerCallContext context, string agreementId)
    {
        if (await Agreement(agreementId).GetAsync() is { } agreement)
        {
            AreaAccess.RequireWrite(context.GetCaller(), agreement.MunicipalityCodes);
        }
    }

    /// <summary>An agreement read: the counts of people in it as the caller may see them.</summary>
    private static Agreement AsSeenBy(AgreementSnapshot snapshot, Dua.Security.Caller caller)
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

    private IAgreementGrain Agreement(string agreementId) => grains.ByKey<IAgreementGrain>(GrainKeys.Agreement(agreementId));
}
