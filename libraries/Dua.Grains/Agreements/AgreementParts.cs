using Dua.Domain.Agreements;

namespace Dua.Grains.Agreements;

/// <summary>
/// How an agreement is stored in three parts and put back together. The terms part (<see cref="AgreementState"/>)
/// holds the whole snapshot as of its last write; the admission count and the places are written on their own
/// when only they change, and so may be newer than it. Every change of places raises the agreement's version, and
/// every write of the terms part carries the places the grain held then, so the part with the higher version holds
/// the current places; the count only grows, so the larger one is current.
/// </summary>
internal static class AgreementParts
{
    public static AgreementSnapshot? Compose(AgreementSnapshot? terms, AgreementAdmissionsState admissions, AgreementPlacesState places)
    {
        if (terms is null)
        {
            return null;
        }

        var agreement = admissions.Count > terms.ParticipantsAdmitted ? terms with { ParticipantsAdmitted = admissions.Count } : terms;
        if (places.Version <= agreement.Version)
        {
            return agreement;
        }

        return agreement with
        {
            JobTracks = [.. agreement.JobTracks.Select(track => places.Tracks.TryGetValue(track.Id, out var holders)
                ? track with { ParticipantIds = [.. holders], PlacesTaken = holders.Length }
                : track)],
            Version = places.Version,
            UpdatedAt = places.UpdatedAt,
        };
    }

    /// <summary>The places part of an agreement as it stands.</summary>
    public static void CopyPlaces(AgreementSnapshot agreement, AgreementPlacesState places)
    {
        places.Version = agreement.Version;
        places.UpdatedAt = agreement.UpdatedAt;
        places.Tracks = agreement.JobTracks.Where(t => t.Participants.Length > 0).ToDictionary(t => t.Id, t => t.Participants.ToArray());
    }
}
