namespace Dua.Domain.Participants;

/// <summary>
/// An agreement's participants, by number: admission hands out 1, 2, ... in order, so the roster is the numbers up to
/// the agreement's admission count and needs no list of its own to keep. A number whose enrolment failed before its
/// participant was created stays unused (a gap): readers skip ids that name no participant.
/// </summary>
public static class ParticipantRoster
{
    /// <summary>The ids numbered after <paramref name="afterId"/> (from the first when null), in order, up to the admission count.</summary>
    public static IEnumerable<string> IdsAfter(string agreementId, int admitted, string? afterId)
    {
        var first = afterId is null ? 1 : ParticipantIdFormat.NumberOf(afterId) + 1;
        for (var number = first; number <= admitted; number++)
        {
            yield return ParticipantIdFormat.Of(agreementId, number);
        }
    }
}
