using Dua.Domain.Agreements;
using Dua.Domain.Requests;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;

namespace Dua.Grains.Agreements;

/// <summary>Persisted state of <see cref="AgreementGrain"/>. Ids are stable: never renumber or reuse them.</summary>
[GenerateSerializer, Alias("dua.AgreementState")]
public sealed class AgreementState
{
    [Id(0)] public AgreementSnapshot? Agreement { get; set; }

    [Id(1)] public RequestLedger Requests { get; set; } = new();

    /// <summary>Job track ids are never reused, even after a track is removed.</summary>
    [Id(2)] public int NextJobTrackNumber { get; set; } = 1;

    /// <summary>Enrolment requests that admitted a participant, with the participant's number.</summary>
    [Id(3)] public RequestLedger Admissions { get; set; } = new();
}
