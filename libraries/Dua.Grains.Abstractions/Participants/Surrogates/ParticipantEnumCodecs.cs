using Dua.Domain.Participants;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Surrogates;

namespace Dua.Grains.Abstractions.Participants.Surrogates;

// How the participant's enums are stored and sent: by number, as before they moved to the
// domain; stored state holds these numbers (StoredStateTests pins them).

[RegisterSerializer]
public sealed class AgeBandCodec : StoredEnumCodec<AgeBand>;

[RegisterSerializer]
public sealed class ParticipantStatusCodec : StoredEnumCodec<ParticipantStatus>;

[RegisterSerializer]
public sealed class PathChoiceCodec : StoredEnumCodec<PathChoice>;

[RegisterSerializer]
public sealed class ExitOutcomeCodec : StoredEnumCodec<ExitOutcome>;

[RegisterSerializer]
public sealed class ParticipantEventKindCodec : StoredEnumCodec<ParticipantEventKind>;
