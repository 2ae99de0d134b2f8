using Dua.Domain.Participants;
using Dua.Grains.Serialization;

namespace Dua.Grains.Participants.Serialization;

// How the participant's enums are stored and sent: by number, as before they moved to the domain.

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
