using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Surrogates;

namespace Dua.Grains.Abstractions.Agreements.Surrogates;

// How the agreement's enums are stored and sent: by number, as before they moved to the
// domain; stored state holds these numbers (StoredStateTests pins them).

[RegisterSerializer]
public sealed class AgreementKindCodec : StoredEnumCodec<AgreementKind>;

[RegisterSerializer]
public sealed class AgreementStatusCodec : StoredEnumCodec<AgreementStatus>;

[RegisterSerializer]
public sealed class EndReasonCodec : StoredEnumCodec<EndReason>;

[RegisterSerializer]
public sealed class TargetGroupCodec : StoredEnumCodec<TargetGroup>;

[RegisterSerializer]
public sealed class FocusAreaCodec : StoredEnumCodec<FocusArea>;

[RegisterSerializer]
public sealed class PartyCodec : StoredEnumCodec<Party>;

[RegisterSerializer]
public sealed class JobTrackComponentKindCodec : StoredEnumCodec<JobTrackComponentKind>;
