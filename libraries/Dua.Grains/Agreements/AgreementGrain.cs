using System.Collections.Immutable;
using Dua.Grains.Agreements;
using Dua.Grains.Statistics;

namespace Dua.Grains;

/// <summary>
/// One local agreement with its job tracks: the lifecycle DRAFT → SIGNED → ENDED and its rules live here.
/// Every change is written (with its request id) before it is acknowledged; municipality and county indexes are
/// updated after the write and again on a retry, so a crash between the two heals when the client retries.
/// </summary>
public sealed class AgreementGrain(
    [PersistentState("agreement", StorageNames.Platform)] IPersistentState<AgreementState> state,
    IGrainFactory grains)
    : Grain, IAgreementGrain
{
    /// <summary>A newcomer agreement needs at least this many job tracks with an employer to be signed.</summary>
    public const int NewcomerJobTracksRequired = 3;

    private string AgreementId => this.GetPrimaryKeyString()[GrainKeys.AgreementPrefix.Length..];

    public Task<AgreementSnapshot?> GetAsync() => Task.FromResult(state.State.Agreement);

    public async Task<AgreementSnapshot> CreateAsync(RequestKey request, AgreementDraft draft)
    {
        if (state.State.Agreement is { } existing)
        {
            if (!state.State.Requests.IsReplay(request))
            {
                throw DomainException.Precondition("agreement-exists", $"Agreement {AgreementId} already exists.");
            }

            await UpdateIndexesAsync(existing);
            return existing;
        }

        var now = DateTimeOffset.UtcNow;
        var agreement = new AgreementSnapshot(
            AgreementId, draft.Kind, AgreementStatus.Draft, draft.MunicipalityCodes, draft.RegionCode, draft.Terms,
            JobTracks: [], ValidFrom: null, ValidTo: null, EndReason.Unspecified, EndNote: "", SuccessorId: null,
            PredecessorId: null, Amendments: [], Version: 1, CreatedAt: now, UpdatedAt: now);
        await SaveAsync(request, agreement);
        await UpdateIndexesAsync(agreement);
        return agreement;
    }

    public Task<AgreementSnapshot> AmendAsync(RequestKey request, AgreementAmendment amendment) =>
        ChangeAsync(request, agreement =>
        {
            RequireNotEnded(agreement);
            if (amendment.ValidTo is { } validTo)
            {
                if (agreement.Status != AgreementStatus.Signed)
                {
                    throw DomainException.Precondition("valid-to-needs-signed-agreement", "valid_to can only be amended on a SIGNED agreement; a draft gets its dates when signed.");
                }

                if (validTo <= agreement.ValidFrom)
                {
                    throw DomainException.InvalidField("valid_to", $"must be after valid_from ({agreement.ValidFrom:yyyy-MM-dd})");
                }
            }

            return Amended(agreement with
            {
                Terms = amendment.Terms ?? agreement.Terms,
                ValidTo = amendment.ValidTo ?? agreement.ValidTo,
            }, amendment.Description, request);
        });

    public async Task<JobTrackAdded> AddJobTrackAsync(RequestKey request, JobTrackSpec spec)
    {
        var trackId = $"t{state.State.NextJobTrackNumber}";
        var agreement = await ChangeAsync(request, agreement =>
        {
            RequireNotEnded(agreement);
            state.State.NextJobTrackNumber++;
            return Amended(agreement with { JobTracks = agreement.JobTracks.Add(new JobTrack(trackId, spec, PlacesTaken: 0, Open: true)) },
                $"Job track {trackId} added: {spec.Name}", request);
        }, resultOf: _ => trackId);

        // A retry answers with the track the first attempt created.
        return new JobTrackAdded(agreement, state.State.Requests.ResultOf(request) ?? trackId);
    }

    public Task<AgreementSnapshot> UpdateJobTrackAsync(RequestKey request, string jobTrackId, JobTrackSpec spec) =>
        ChangeAsync(request, agreement =>
        {
            RequireNotEnded(agreement);
            var track = FindTrack(agreement, jobTrackId);
            if (spec.Places < track.PlacesTaken)
            {
                throw DomainException.Precondition("places-below-taken",
                    $"Job track {jobTrackId} has {track.PlacesTaken} places taken; places cannot drop to {spec.Places}.");
            }

            var changed = agreement with { JobTracks = agreement.JobTracks.Replace(track, track with { Spec = spec }) };
            RequireNewcomerJobTracksWhileSigned(changed);
            return Amended(changed, $"Job track {jobTrackId} updated", request);
        });

    public Task<AgreementSnapshot> CloseJobTrackAsync(RequestKey request, string jobTrackId) =>
        ChangeAsync(request, agreement =>
        {
            RequireNotEnded(agreement);
            var track = FindTrack(agreement, jobTrackId);
            if (!track.Open)
            {
                throw DomainException.Precondition("job-track-closed", $"Job track {jobTrackId} is already closed.");
            }

            var changed = agreement with { JobTracks = agreement.JobTracks.Replace(track, track with { Open = false }) };
            RequireNewcomerJobTracksWhileSigned(changed);
            return Amended(changed, $"Job track {jobTrackId} closed", request);
        });

    public async Task<AgreementSnapshot> SignAsync(RequestKey request, DateOnly validFrom, DateOnly validTo)
    {
        var agreement = Require();
        if (state.State.Requests.IsReplay(request))
        {
            await PropagateSigningAsync(agreement);
            return agreement;
        }

        if (agreement.Status != AgreementStatus.Draft)
        {
            throw DomainException.Precondition("agreement-not-draft", $"Only a DRAFT agreement can be signed; {AgreementId} is {agreement.Status.ToString().ToUpperInvariant()}.");
        }

        if (validTo <= validFrom)
        {
            throw DomainException.InvalidField("valid_to", "must be after valid_from");
        }

        RequireNewcomerJobTracks(agreement, "to be signed");

        // The agreement of the same kind in force for these municipalities is superseded by this one.
        var predecessors = await InForceOfSameKindAsync(agreement);
        agreement = agreement with
        {
            Status = AgreementStatus.Signed,
            ValidFrom = validFrom,
            ValidTo = validTo,
            PredecessorId = predecessors.FirstOrDefault(),
            Version = agreement.Version + 1,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        await SaveAsync(request, agreement);
        await PropagateSigningAsync(agreement);
        return agreement;
    }

    public Task<AgreementSnapshot> EndAsync(RequestKey request, EndReason reason, string note) =>
        ChangeAsync(request, agreement =>
        {
            if (agreement.Status != AgreementStatus.Signed)
            {
                throw DomainException.Precondition("agreement-not-signed", $"Only a SIGNED agreement can be ended; {AgreementId} is {agreement.Status.ToString().ToUpperInvariant()}.");
            }

            return agreement with
            {
                Status = AgreementStatus.Ended,
                EndReason = reason,
                EndNote = note,
                Version = agreement.Version + 1,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
        });

    public async Task SupersedeAsync(string successorId)
    {
        var agreement = Require();
        if (agreement.Status == AgreementStatus.Signed)
        {
            agreement = agreement with
            {
                Status = AgreementStatus.Ended,
                EndReason = EndReason.Superseded,
                SuccessorId = successorId,
                Version = agreement.Version + 1,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            state.State.Agreement = agreement;
            await state.WriteOrReloadAsync(this);
        }

        await UpdateIndexesAsync(agreement);
    }

    public async Task<int> AdmitParticipantAsync(RequestKey request)
    {
        var agreement = Require();
        // Admissions keep a ledger of their own, so that many enrolments never push the agreement's own
        // requests (amendments, tracks, signing) out of its ledger.
        var admissions = state.State.Admissions;
        if (admissions.IsReplay(request))
        {
            return int.Parse(admissions.ResultOf(request)!, System.Globalization.CultureInfo.InvariantCulture);
        }

        RequireInForce(agreement, "Participants can only be enrolled in");
        var number = agreement.ParticipantsAdmitted + 1;
        state.State.Agreement = agreement with { ParticipantsAdmitted = number };
        admissions.Record(request, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await state.WriteOrReloadAsync(this);

        return number;
    }

    public async Task TakePlaceAsync(string participantId, string jobTrackId)
    {
        var agreement = Require();
        var track = FindTrack(agreement, jobTrackId);
        if (track.Participants.Contains(participantId))
        {
            // Taken by an earlier attempt, whose feed to the aggregates may not have landed.
            await FeedStatisticsAsync(agreement);
            return;
        }

        RequireInForce(agreement, "Job tracks take participants only in");
        if (!track.Open)
        {
            throw DomainException.Precondition("job-track-closed", $"Job track {jobTrackId} is closed to new participants.");
        }

        if (track.PlacesTaken >= track.Spec.Places)
        {
            throw DomainException.Precondition("job-track-full", $"Job track {jobTrackId} has no free place ({track.PlacesTaken} of {track.Spec.Places} taken).");
        }

        var participants = track.Participants.Add(participantId).Sort(StringComparer.Ordinal);
        await SavePlacesAsync(agreement, track, track with { ParticipantIds = participants, PlacesTaken = participants.Length });
    }

    public async Task ReleasePlaceAsync(string participantId)
    {
        // Looked up here rather than trusted from the caller: a participant whose own write failed after the place
        // was taken does not know its track, and its place must still come free.
        var agreement = Require();
        if (agreement.JobTracks.FirstOrDefault(t => t.Participants.Contains(participantId)) is not { } track)
        {
            await FeedStatisticsAsync(agreement);
            return;
        }

        var participants = track.Participants.Remove(participantId);
        await SavePlacesAsync(agreement, track, track with { ParticipantIds = participants, PlacesTaken = participants.Length });
    }

    private async Task SavePlacesAsync(AgreementSnapshot agreement, JobTrack track, JobTrack changed)
    {
        state.State.Agreement = agreement with
        {
            JobTracks = agreement.JobTracks.Replace(track, changed),
            Version = agreement.Version + 1,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        await state.WriteOrReloadAsync(this);
        await FeedStatisticsAsync(state.State.Agreement!);
    }

    private void RequireInForce(AgreementSnapshot agreement, string what)
    {
        if (agreement.Status != AgreementStatus.Signed)
        {
            throw DomainException.Precondition("agreement-not-in-force",
                $"{what} a SIGNED agreement; {AgreementId} is {agreement.Status.ToString().ToUpperInvariant()}.");
        }
    }

    private async Task<AgreementSnapshot> ChangeAsync(
        RequestKey request, Func<AgreementSnapshot, AgreementSnapshot> change, Func<AgreementSnapshot, string?>? resultOf = null)
    {
        var agreement = Require();
        if (state.State.Requests.IsReplay(request))
        {
            await UpdateIndexesAsync(agreement);
            return agreement;
        }

        var nextJobTrackNumber = state.State.NextJobTrackNumber;
        AgreementSnapshot changed;
        try
        {
            changed = change(agreement);
        }
        catch
        {
            // A refused request changes nothing, not even the id counter.
            state.State.NextJobTrackNumber = nextJobTrackNumber;
            throw;
        }

        await SaveAsync(request, changed, resultOf?.Invoke(changed));
        await UpdateIndexesAsync(changed);
        return changed;
    }

    private async Task SaveAsync(RequestKey request, AgreementSnapshot agreement, string? result = null)
    {
        state.State.Agreement = agreement;
        state.State.Requests.Record(request, result);
        await state.WriteOrReloadAsync(this);
    }

    private AgreementSnapshot Amended(AgreementSnapshot agreement, string description, RequestKey request)
    {
        var version = agreement.Version + 1;
        var amendments = agreement.Status == AgreementStatus.Signed
            ? agreement.Amendments.Add(new Amendment(version, description, DateTimeOffset.UtcNow, request.RequestId))
            : agreement.Amendments;
        return agreement with { Version = version, Amendments = amendments, UpdatedAt = DateTimeOffset.UtcNow };
    }

    private async Task<ImmutableArray<string>> InForceOfSameKindAsync(AgreementSnapshot agreement)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var code in agreement.MunicipalityCodes)
        {
            var entries = await grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(code)).ListAgreementsAsync();
            found.UnionWith(entries
                .Where(e => e.Kind == agreement.Kind && e.Status == AgreementStatus.Signed && e.AgreementId != agreement.Id)
                .Select(e => e.AgreementId));
        }

        return [.. found];
    }

    private async Task PropagateSigningAsync(AgreementSnapshot agreement)
    {
        await UpdateIndexesAsync(agreement);

        // A retried sign of an agreement that has since ended must not end the one now in force.
        if (agreement.Status != AgreementStatus.Signed)
        {
            return;
        }
        foreach (var predecessor in await InForceOfSameKindAsync(agreement))
        {
            await grains.GetGrain<IAgreementGrain>(GrainKeys.Agreement(predecessor)).SupersedeAsync(agreement.Id);
        }
    }

    private async Task UpdateIndexesAsync(AgreementSnapshot agreement)
    {
        var entry = agreement.ToIndexEntry();
        await Task.WhenAll(agreement.MunicipalityCodes
            .Select(code => grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(code)).RecordAgreementAsync(entry))
            .Append(grains.GetGrain<IRegionGrain>(GrainKeys.Region(agreement.RegionCode)).RecordAgreementAsync(entry))
            .Append(FeedStatisticsAsync(agreement)));
    }

    private Task FeedStatisticsAsync(AgreementSnapshot agreement) =>
        grains.GetGrain<IRegionStatisticsGrain>(GrainKeys.RegionStatistics(agreement.RegionCode)).RecordAgreementAsync(StatisticsFacts.Of(agreement));

    /// <summary>
    /// A NEWCOMERS agreement is signed with, and while signed keeps, three open job tracks with an employer.
    /// Closed and preparatory tracks take no one into a job, so they do not count.
    /// </summary>
    private void RequireNewcomerJobTracks(AgreementSnapshot agreement, string when)
    {
        if (agreement.Kind != AgreementKind.Newcomers)
        {
            return;
        }

        var withEmployer = agreement.JobTracks.Count(t => !t.IsPreparatory && t.Open);
        if (withEmployer < NewcomerJobTracksRequired)
        {
            throw DomainException.Precondition("newcomers-need-three-job-tracks",
                $"A NEWCOMERS agreement needs at least {NewcomerJobTracksRequired} open local job tracks with an employer {when}; " +
                $"{AgreementId} has {withEmployer}" +
                (agreement.JobTracks.Length > withEmployer ? $" (of {agreement.JobTracks.Length} tracks in all)." : "."));
        }
    }

    private void RequireNewcomerJobTracksWhileSigned(AgreementSnapshot changed)
    {
        if (changed.Status == AgreementStatus.Signed)
        {
            RequireNewcomerJobTracks(changed, "while it is signed (after this change)");
        }
    }

    private AgreementSnapshot Require() =>
        state.State.Agreement ?? throw DomainException.NotFound("dua.v1.Agreement", $"Agreement '{AgreementId}' was not found.");

    private void RequireNotEnded(AgreementSnapshot agreement)
    {
        if (agreement.Status == AgreementStatus.Ended)
        {
            throw DomainException.Precondition("agreement-ended", $"Agreement {AgreementId} has ended and can no longer change.");
        }
    }

    private JobTrack FindTrack(AgreementSnapshot agreement, string jobTrackId) =>
        agreement.JobTracks.FirstOrDefault(t => t.Id == jobTrackId)
        ?? throw DomainException.NotFound("dua.v1.JobTrack", $"Agreement {AgreementId} has no job track '{jobTrackId}'.");
}
