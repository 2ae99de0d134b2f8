namespace Dua.Domain.Participants;

/// <summary>
/// An agreement's participants, listed in buckets of <see cref="BucketSize"/> by number, so that listing and
/// enrolling touch one small bucket however many participants an agreement has.
/// </summary>
public static class ParticipantRoster
{
    public const int BucketSize = 1000;

    /// <summary>The bucket that lists the participant with this number.</summary>
    public static int BucketOf(int participantNumber) => participantNumber / BucketSize;

    /// <summary>The bucket that lists this participant.</summary>
    public static int BucketOf(string participantId) => BucketOf(ParticipantIdFormat.NumberOf(participantId));
}
