using System.Globalization;

namespace Dua.LoadTest.Planning;

/// <summary>
/// The request_id of every write the seed makes, derived from the seed and the as-of date only. The platform
/// recognises a repeated request_id and applies nothing twice, so seeding again is a no-op, and an interrupted
/// seeding completes where it stopped. Ids stay within the platform's 100 characters of [A-Za-z0-9._:-].
/// </summary>
public sealed class RequestIds(long seed, DateOnly asOf)
{
    /// <summary>
    /// Names the data set: the same plan version, seed and as-of date make the same data set. A change to the
    /// planning that changes any request must raise <see cref="DataSetPlan.Version"/>: the platform would refuse
    /// a known request id with new content.
    /// </summary>
    public string DataSet { get; } = string.Create(CultureInfo.InvariantCulture, $"lt{DataSetPlan.Version}s{seed}-{asOf:yyyyMMdd}");

    public string CreateAgreement(string municipalityCode, string kind) => $"{DataSet}-{municipalityCode}-{kind}";

    public string AddJobTrack(string agreementRequest, int trackNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"{agreementRequest}-t{trackNumber}");

    public string SignAgreement(string agreementRequest) => $"{agreementRequest}-sign";

    public string ReportFigures(string municipalityCode, DateOnly month) =>
        string.Create(CultureInfo.InvariantCulture, $"{DataSet}-lm-{municipalityCode}-{month:yyyyMM}");

    public string Enrol(long participant) => string.Create(CultureInfo.InvariantCulture, $"{DataSet}-p{participant}-enrol");

    public string Step(long participant, int step) => string.Create(CultureInfo.InvariantCulture, $"{DataSet}-p{participant}-s{step}");

    /// <summary>Ids of a write workload run: new events, so unique per run rather than per data set.</summary>
    public string RunStep(string runId, string participantId, int step) =>
        string.Create(CultureInfo.InvariantCulture, $"{DataSet}-r{runId}-{participantId}-{step}");

    public string RunEnrol(string runId, long enrolment) => string.Create(CultureInfo.InvariantCulture, $"{DataSet}-r{runId}-e{enrolment}");
}
