using System.Collections.Immutable;
using Dua.Domain.Agreements;

namespace Dua.Domain.JobTracks;

/// <summary>
/// Admissions to a signed agreement, and the places of its open job tracks. Taking and freeing a place are
/// idempotent per participant, so a retried step changes nothing twice.
/// </summary>
public static class JobTrackPlaces
{
    /// <summary>Admits one more participant to a SIGNED agreement; the new count is the participant's number (1, 2, ...).</summary>
    public static AgreementSnapshot Admit(this AgreementSnapshot agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        agreement.RequireInForce("Participants can only be enrolled in");
        return agreement with { ParticipantsAdmitted = agreement.ParticipantsAdmitted + 1 };
    }

    /// <summary>
    /// The agreement with the participant on an open job track with a free place; unchanged (the same instance)
    /// when the participant holds that place already.
    /// </summary>
    public static AgreementSnapshot TakePlace(this AgreementSnapshot agreement, string jobTrackId, string participantId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var track = agreement.Track(jobTrackId);
        if (track.Participants.Contains(participantId))
        {
            return agreement;
        }

        agreement.RequireInForce("Job tracks take participants only in");
        if (!track.Open)
        {
            throw DomainRuleException.Precondition("job-track-closed", $"Job track {jobTrackId} is closed to new participants.");
        }

        if (track.PlacesTaken >= track.Spec.Places)
        {
            throw DomainRuleException.Precondition("job-track-full", $"Job track {jobTrackId} has no free place ({track.PlacesTaken} of {track.Spec.Places} taken).");
        }

        return agreement.WithPlaces(track, track.Participants.Add(participantId).Sort(StringComparer.Ordinal), now);
    }

    /// <summary>The agreement with whatever place the participant held freed; unchanged (the same instance) when it held none.</summary>
    public static AgreementSnapshot ReleasePlace(this AgreementSnapshot agreement, string participantId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return agreement.JobTracks.FirstOrDefault(t => t.Participants.Contains(participantId)) is { } track
            ? agreement.WithPlaces(track, track.Participants.Remove(participantId), now)
            : agreement;
    }

    // Places are not terms: a new version, but no amendment.
    private static AgreementSnapshot WithPlaces(this AgreementSnapshot agreement, JobTrack track, ImmutableArray<string> participants, DateTimeOffset now) =>
        agreement with
        {
            JobTracks = agreement.JobTracks.Replace(track, track with { ParticipantIds = participants, PlacesTaken = participants.Length }),
            Version = agreement.Version + 1,
            UpdatedAt = now,
        };
}
