using System.Globalization;
using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;
using Dua.Domain.Requests;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;

namespace Dua.Grains.Agreements;

/// <summary>
/// One local agreement with its job tracks. It applies each request once: loads, asks the domain
/// (<see cref="AgreementLifecycle"/>, <see cref="JobTrackChanges"/>, <see cref="JobTrackPlaces"/>) to decide, stores
/// the outcome with the request id, then updates the indexes and the county's aggregates. Those run again on a
/// retry, so a crash between the write and them heals when the client retries. It is stored in three parts
/// (<see cref="AgreementParts"/>): an enrolment writes only the admission count and a job-track step only the
/// places, never the whole agreement.
/// </summary>
public sealed class AgreementGrain : Grain, IAgreementGrain
{
    private readonly IPersistentState<AgreementState> _state;
    private readonly IPersistentState<AgreementAdmissionsState> _admissions;
    private readonly IPersistentState<AgreementPlacesState> _places;
    private readonly AgreementIndexes _indexes;
    private readonly AgreementSupersession _supersession;
    private readonly AgreementStatisticsFeed _statistics;

    public AgreementGrain(
        [PersistentState("agreement", StorageNames.Platform)] IPersistentState<AgreementState> state,
        [PersistentState("agreement-admissions", StorageNames.Platform)] IPersistentState<AgreementAdmissionsState> admissions,
        [PersistentState("agreement-places", StorageNames.Platform)] IPersistentState<AgreementPlacesState> places,
        IGrainFactory grains)
    {
        _state = state;
        _admissions = admissions;
        _places = places;
        _indexes = new AgreementIndexes(grains);
        _supersession = new AgreementSupersession(grains);
        _statistics = new AgreementStatisticsFeed(grains);
    }

    private string AgreementId => this.GetPrimaryKeyString()[GrainKeys.AgreementPrefix.Length..];

    private AgreementState State => _state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Compose();
        return Task.CompletedTask;
    }

    public Task<AgreementSnapshot?> GetAsync() => Task.FromResult(State.Agreement);

    public async Task<AgreementSnapshot> CreateAsync(RequestKey request, AgreementDraft draft)
    {
        if (State.Agreement is { } existing)
        {
            if (!State.Requests.IsReplay(request))
            {
                throw AgreementLifecycle.AlreadyExists(AgreementId);
            }

            await PublishAsync(existing);
            return existing;
        }

        return await SaveAndPublishAsync(request, AgreementLifecycle.Create(AgreementId, draft, DateTimeOffset.UtcNow));
    }

    public Task<AgreementSnapshot> AmendAsync(RequestKey request, AgreementAmendment amendment) =>
        ChangeAsync(request, (agreement, now) => agreement.Amend(amendment, request.RequestId, now));

    public async Task<JobTrackAdded> AddJobTrackAsync(RequestKey request, JobTrackSpec spec)
    {
        var trackId = JobTrackIdFormat.Of(State.NextJobTrackNumber);
        var agreement = await ChangeAsync(request, (current, now) =>
        {
            var added = current.AddJobTrack(trackId, spec, request.RequestId, now);
            State.NextJobTrackNumber++;
            return added;
        }, result: trackId);

        // A retry answers with the track the first attempt created.
        return new JobTrackAdded(agreement, State.Requests.ResultOf(request) ?? trackId);
    }

    public Task<AgreementSnapshot> UpdateJobTrackAsync(RequestKey request, string jobTrackId, JobTrackSpec spec) =>
        ChangeAsync(request, (agreement, now) => agreement.UpdateJobTrack(jobTrackId, spec, request.RequestId, now));

    public Task<AgreementSnapshot> CloseJobTrackAsync(RequestKey request, string jobTrackId) =>
        ChangeAsync(request, (agreement, now) => agreement.CloseJobTrack(jobTrackId, request.RequestId, now));

    public async Task<AgreementSnapshot> SignAsync(RequestKey request, ValidityPeriod validity)
    {
        var agreement = Existing();
        if (!State.Requests.IsReplay(request))
        {
            var predecessor = await _supersession.PredecessorOfAsync(agreement);
            agreement = agreement.Sign(validity, predecessor, DateTimeOffset.UtcNow);
            await SaveAsync(request, agreement);
        }

        await PublishAsync(agreement);
        await _supersession.SupersedePredecessorsAsync(agreement);
        return agreement;
    }

    public Task<AgreementSnapshot> EndAsync(RequestKey request, EndReason reason, string note) =>
        ChangeAsync(request, (agreement, now) => agreement.End(reason, note, now));

    public async Task SupersedeAsync(string successorId)
    {
        var agreement = Existing();
        var superseded = agreement.Supersede(successorId, DateTimeOffset.UtcNow);
        if (!ReferenceEquals(superseded, agreement))
        {
            State.Agreement = superseded;
            await _state.WriteOrReloadAsync(this, ReloadAsync);
        }

        await PublishAsync(superseded);
    }

    public async Task<int> AdmitParticipantAsync(RequestKey request)
    {
        var agreement = Existing();

        // Earlier releases kept a ledger of admissions; a retry of one of those still gets its number. New
        // admissions keep none: the person grain stores the number it got right after, and a retry after a failure
        // in between gets a new number, leaving a gap that listings skip.
        if (State.Admissions.IsReplay(request))
        {
            return int.Parse(State.Admissions.ResultOf(request)!, CultureInfo.InvariantCulture);
        }

        var admitted = agreement.Admit();
        State.Agreement = admitted;
        _admissions.State.Count = admitted.ParticipantsAdmitted;
        await _admissions.WriteOrReloadAsync(this, ReloadAsync);
        return admitted.ParticipantsAdmitted;
    }

    public Task TakePlaceAsync(string participantId, string jobTrackId) =>
        ChangePlacesAsync(agreement => agreement.TakePlace(jobTrackId, participantId, DateTimeOffset.UtcNow));

    // The place is looked up here rather than trusted from the caller: a participant whose own write failed after
    // the place was taken does not know its track, and its place must still come free.
    public Task ReleasePlaceAsync(string participantId) =>
        ChangePlacesAsync(agreement => agreement.ReleasePlace(participantId, DateTimeOffset.UtcNow));

    /// <summary>
    /// Applies a change of places. An unchanged agreement (the place was taken or freed by an earlier attempt)
    /// is fed to the aggregates again, in case that attempt's feed did not land.
    /// </summary>
    private async Task ChangePlacesAsync(Func<AgreementSnapshot, AgreementSnapshot> change)
    {
        var agreement = Existing();
        var changed = change(agreement);
        if (!ReferenceEquals(changed, agreement))
        {
            State.Agreement = changed;
            AgreementParts.CopyPlaces(changed, _places.State);
            await _places.WriteOrReloadAsync(this, ReloadAsync);
        }

        await _statistics.RecordAsync(changed);
    }

    private async Task<AgreementSnapshot> ChangeAsync(RequestKey request, Func<AgreementSnapshot, DateTimeOffset, AgreementSnapshot> change, string? result = null)
    {
        var agreement = Existing();
        if (State.Requests.IsReplay(request))
        {
            await PublishAsync(agreement);
            return agreement;
        }

        return await SaveAndPublishAsync(request, change(agreement, DateTimeOffset.UtcNow), result);
    }

    private async Task<AgreementSnapshot> SaveAndPublishAsync(RequestKey request, AgreementSnapshot agreement, string? result = null)
    {
        await SaveAsync(request, agreement, result);
        await PublishAsync(agreement);
        return agreement;
    }

    /// <summary>Stores the agreement and the request that changed it in one write.</summary>
    private async Task SaveAsync(RequestKey request, AgreementSnapshot agreement, string? result = null)
    {
        State.Agreement = agreement;
        State.Requests.Record(request, result);
        await _state.WriteOrReloadAsync(this, ReloadAsync);
    }

    private Task PublishAsync(AgreementSnapshot agreement) => Task.WhenAll(_indexes.RecordAsync(agreement), _statistics.RecordAsync(agreement));

    private void Compose() => State.Agreement = AgreementParts.Compose(State.Agreement, _admissions.State, _places.State);

    private async Task ReloadAsync()
    {
        await Task.WhenAll(_state.ReadStateAsync(), _admissions.ReadStateAsync(), _places.ReadStateAsync());
        Compose();
    }

    private AgreementSnapshot Existing() => AgreementSnapshot.Existing(State.Agreement, AgreementId);
}
