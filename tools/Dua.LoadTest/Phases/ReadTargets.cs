using Dua.Contracts.V1;
using Dua.Domain.Participants;

namespace Dua.LoadTest.Phases;

/// <summary>
/// The ids a read by id goes through: every signed agreement of the data set, or every participant the seeding
/// enrolled. A participant's id is its agreement's id and its number there, and an agreement numbers its
/// participants from 1 in the order admitted, so the ids follow from how many of the plan's participants each
/// agreement holds, with no listing call. They are shuffled (the same way every run), so that consecutive reads
/// go to different agreements, counties and silos, as many callers' would.
/// </summary>
public static class ReadTargets
{
    public static GetAgreementRequest[] Agreements(RunContext context) =>
        Shuffled(context, Signed(context).Select(a => new GetAgreementRequest { AgreementId = a.AgreementId }));

    public static GetParticipantRequest[] Participants(RunContext context)
    {
        var admitted = new Dictionary<string, int>(StringComparer.Ordinal);
        for (long index = 0; index < context.Options.Participants; index++)
        {
            var key = context.Plan.Participant(index).Agreement.Key;
            admitted[key] = admitted.GetValueOrDefault(key) + 1;
        }

        return Shuffled(context, Signed(context).SelectMany(a => Enumerable.Range(1, admitted.GetValueOrDefault(a.Plan.Key))
            .Select(number => new GetParticipantRequest { ParticipantId = ParticipantIdFormat.Of(a.AgreementId, number) })));
    }

    private static IEnumerable<SeededAgreement> Signed(RunContext context) =>
        (context.Agreements ?? throw new InvalidOperationException("agreements are resolved first")).Values
        .Where(a => a.Status == AgreementStatus.Signed)
        .OrderBy(a => a.Plan.Key, StringComparer.Ordinal);

    private static T[] Shuffled<T>(RunContext context, IEnumerable<T> requests)
    {
        var array = requests.ToArray();
        if (array.Length == 0)
        {
            throw new PhaseFailedException("the data set holds nothing to read: seed it first (--phases seed)");
        }

        new Random(unchecked((int)context.Options.Seed)).Shuffle(array);
        return array;
    }
}
