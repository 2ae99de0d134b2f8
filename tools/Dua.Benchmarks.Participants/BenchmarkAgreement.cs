using System.Collections.Concurrent;

namespace Dua.Benchmarks.Participants;

/// <summary>A participant enrolled by the benchmark, with the person behind it (to enrol again after an exit).</summary>
public sealed record EnrolledParticipant(string ParticipantId, Person Person);

/// <summary>One of the two agreements under test: its participants waiting for a process, and what was measured.</summary>
public sealed class BenchmarkAgreement(string label, string municipalityCode, string agreementId)
{
    private int enrolments;
    private int enrolRequests;

    public string Label { get; } = label;

    public string MunicipalityCode { get; } = municipalityCode;

    public string AgreementId { get; } = agreementId;

    /// <summary>Participants in module 1, ready for start_job_preparation; taken in enrolment order.</summary>
    public ConcurrentQueue<EnrolledParticipant> Ready { get; } = new();

    /// <summary>Participants enrolled in this agreement by this run, including enrolments after an exit.</summary>
    public int Enrolments => Volatile.Read(ref enrolments);

    public LatencyLog Latencies { get; } = new();

    /// <summary>A number for the next enrolment's request id, unique within the agreement.</summary>
    public int NextEnrolRequest() => Interlocked.Increment(ref enrolRequests);

    public void Enrolled(EnrolledParticipant participant)
    {
        Interlocked.Increment(ref enrolments);
        Ready.Enqueue(participant);
    }
}
