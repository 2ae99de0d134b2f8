using System.Collections.Immutable;

namespace Dua.Domain.JobTracks;

/// <summary>A job track as its agreement holds it: what was set, and who holds its places.</summary>
public sealed record JobTrack(string Id, JobTrackSpec Spec, int PlacesTaken, bool Open, ImmutableArray<string> ParticipantIds = default)
{
    /// <summary>The entity kind an unknown job track is reported as.</summary>
    public const string Entity = "JobTrack";

    /// <summary>The participants now in module 3 on this track, ordered by id.</summary>
    public ImmutableArray<string> Participants => ParticipantIds.IsDefault ? [] : ParticipantIds;

    /// <summary>Without an employer a track is only preparatory, and does not count toward a newcomer agreement's three.</summary>
    public bool IsPreparatory => Spec.Employers.IsDefaultOrEmpty;
}
