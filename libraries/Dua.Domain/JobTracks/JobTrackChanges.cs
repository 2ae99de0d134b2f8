using Dua.Domain.Agreements;

namespace Dua.Domain.JobTracks;

/// <summary>
/// Adding, changing and closing an agreement's job tracks. An ended agreement changes no more; a signed NEWCOMERS
/// agreement keeps its three tracks with an employer; after signing, each change is an amendment.
/// </summary>
public static class JobTrackChanges
{
    public static AgreementSnapshot AddJobTrack(this AgreementSnapshot agreement, string jobTrackId, JobTrackSpec spec, string requestId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(spec);
        agreement.RequireNotEnded();
        return (agreement with { JobTracks = agreement.JobTracks.Add(new JobTrack(jobTrackId, spec, PlacesTaken: 0, Open: true)) })
            .Changed($"Job track {jobTrackId} added: {spec.Name}", requestId, now);
    }

    public static AgreementSnapshot UpdateJobTrack(this AgreementSnapshot agreement, string jobTrackId, JobTrackSpec spec, string requestId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(spec);
        agreement.RequireNotEnded();
        var track = agreement.Track(jobTrackId);
        if (spec.Places < track.PlacesTaken)
        {
            throw DomainRuleException.Precondition("places-below-taken",
                $"Job track {jobTrackId} has {track.PlacesTaken} places taken; places cannot drop to {spec.Places}.");
        }

        var changed = agreement with { JobTracks = agreement.JobTracks.Replace(track, track with { Spec = spec }) };
        NewcomerJobTrackRule.RequireWhileSigned(changed);
        return changed.Changed($"Job track {jobTrackId} updated", requestId, now);
    }

    public static AgreementSnapshot CloseJobTrack(this AgreementSnapshot agreement, string jobTrackId, string requestId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        agreement.RequireNotEnded();
        var track = agreement.Track(jobTrackId);
        if (!track.Open)
        {
            throw DomainRuleException.Precondition("job-track-closed", $"Job track {jobTrackId} is already closed.");
        }

        var changed = agreement with { JobTracks = agreement.JobTracks.Replace(track, track with { Open = false }) };
        NewcomerJobTrackRule.RequireWhileSigned(changed);
        return changed.Changed($"Job track {jobTrackId} closed", requestId, now);
    }
}
