using System.Globalization;
using Dua.Contracts.V1;
using static Dua.Testing.Requests.AgreementRequests;

namespace Dua.Testing.Requests;

/// <summary>
/// Valid participant requests, people with valid personal identity numbers, and signed agreements to enrol them
/// in. Every person and request id is fresh, as the silo is shared by the tests of a class.
/// </summary>
public static class ParticipantRequests
{
    /// <summary>The dates of a process's steps, in order and all in the past.</summary>
    public const string Day1 = "2026-02-02";
    public const string Day2 = "2026-03-02";
    public const string Day3 = "2026-04-01";
    public const string Day4 = "2026-05-04";
    public const string Day5 = "2026-06-01";

    /// <summary>A samordningsnummer (day of birth plus 60) with a valid check digit.</summary>
    public const string CoordinationNumber = "701063-2391";

    // Each call gets the next serial number, and every thousand the next birth date, so no two people of a test
    // run share a number; the start is random so that runs differ.
    private static int s_nextPerson = Random.Shared.Next(0, 5_000_000);

    /// <summary>A person's number in the usual notations.</summary>
    public sealed record Person(string Ten, string Twelve)
    {
        /// <summary>YYMMDDNNNC, without the separator.</summary>
        public string TenDigits => Ten.Replace("-", "", StringComparison.Ordinal);

        /// <summary>YYYYMMDD-NNNC.</summary>
        public string TwelveWithSeparator => Twelve.Insert(8, "-");

        public IEnumerable<string> Notations => [Ten, TenDigits, Twelve, TwelveWithSeparator];
    }

    /// <summary>A new person born between 1960 and about 1990, with a valid personnummer.</summary>
    public static Person NewPerson()
    {
        var n = Interlocked.Increment(ref s_nextPerson);
        var birth = new DateOnly(1960, 1, 1).AddDays(n / 1000);
        var serial = (n % 1000).ToString("D3", CultureInfo.InvariantCulture);
        return PersonBornOn(birth, serial);
    }

    public static Person PersonBornOn(DateOnly birth, string serial)
    {
        var nine = birth.ToString("yyMMdd", CultureInfo.InvariantCulture) + serial;
        var ten = nine + Dua.Domain.Luhn.CheckDigit(nine);
        return new Person(ten.Insert(6, "-"), birth.ToString("yyyy", CultureInfo.InvariantCulture)[..2] + ten);
    }

    /// <summary>The number with a wrong check digit.</summary>
    public static string WithWrongCheckDigit(string number) =>
        number[..^1] + (char)('0' + (number[^1] - '0' + 1) % 10);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date that lies in the future wherever the test runs.</summary>
    public static string Tomorrow() => Date(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2));

    public static EnrolParticipantRequest Enrol(string agreementId, string personalIdentityNumber, string enrolledOn = Day1) => new()
    {
        RequestId = NewRequestId(),
        AgreementId = agreementId,
        PersonalIdentityNumber = personalIdentityNumber,
        AgeBand = AgeBand._2024,
        TargetGroups = { TargetGroup.Youth },
        EnrolledOn = enrolledOn,
    };

    public static RecordProgressRequest StartJobPreparation(string participantId, string on) =>
        new() { RequestId = NewRequestId(), ParticipantId = participantId, OccurredOn = on, StartJobPreparation = new() };

    public static RecordProgressRequest ChoosePath(string participantId, PathChoice choice, string on) =>
        new() { RequestId = NewRequestId(), ParticipantId = participantId, OccurredOn = on, ChoosePath = new() { PathChoice = choice } };

    public static RecordProgressRequest StartJobTrack(string participantId, string jobTrackId, string on) =>
        new() { RequestId = NewRequestId(), ParticipantId = participantId, OccurredOn = on, StartJobTrack = new() { JobTrackId = jobTrackId } };

    public static RecordProgressRequest Exit(string participantId, ExitOutcome outcome, string on) =>
        new() { RequestId = NewRequestId(), ParticipantId = participantId, OccurredOn = on, Exit = new() { Outcome = outcome } };

    /// <summary>
    /// A signed agreement in the municipality, through the API: YOUTH with a job track (with an employer) per number
    /// of places, or NEWCOMERS, which needs at least three. Signing supersedes the agreement of the same kind in
    /// force there, so agreements a test needs at the same time go to different municipalities.
    /// </summary>
    public static async Task<(string AgreementId, string[] JobTrackIds)> SignedAgreementAsync(
        AgreementService.AgreementServiceClient agreements, AgreementKind kind, string municipalityCode, params int[] places)
    {
        var id = (await agreements.CreateAgreementAsync(Create(kind, municipalityCode))).Agreement.AgreementId;
        var tracks = new List<string>();
        foreach (var count in places)
        {
            var spec = TrackWithEmployer($"Undersköterska {tracks.Count + 1}");
            spec.Places = count;
            tracks.Add((await agreements.AddJobTrackAsync(AddTrack(id, spec))).JobTrackId);
        }

        await agreements.SignAgreementAsync(Sign(id));
        return (id, [.. tracks]);
    }
}
