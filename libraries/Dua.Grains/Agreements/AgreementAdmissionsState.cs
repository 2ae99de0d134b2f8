namespace Dua.Grains.Agreements;

/// <summary>
/// Persisted admission count of <see cref="AgreementGrain"/> (state "agreement-admissions"): a few bytes written per
/// enrolment instead of the whole agreement. Ids are stable: never renumber or reuse them.
/// </summary>
[GenerateSerializer, Alias("dua.AgreementAdmissionsState")]
public sealed class AgreementAdmissionsState
{
    /// <summary>Participant numbers handed out so far; the next admission gets one more.</summary>
    [Id(0)] public int Count { get; set; }
}
