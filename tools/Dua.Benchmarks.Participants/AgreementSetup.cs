using System.Globalization;
using Dua.Contracts.V1;

namespace Dua.Benchmarks.Participants;

/// <summary>
/// Creates and signs a NEWCOMERS agreement for one municipality, with the three employer-backed job tracks such
/// an agreement needs to be signed. Request ids carry the run id, so every run makes new agreements.
/// </summary>
public static class AgreementSetup
{
    // The employers' organisation number is illustrative: well-formed, with a valid check digit.
    private static readonly (string Key, string Name, string Ssyk)[] Tracks =
    [
        ("care", "Undersköterska", "5321"),
        ("bus", "Bussförare", "8331"),
        ("childcare", "Barnskötare", "5311"),
    ];

    public static async Task<BenchmarkAgreement> CreateSignedAsync(
        AgreementService.AgreementServiceClient agreements, string runId, string label, string municipalityCode, DateOnly today)
    {
        var requestId = $"bench-{runId}-{label}";
        var created = (await agreements.CreateAgreementAsync(new CreateAgreementRequest
        {
            RequestId = requestId,
            Kind = AgreementKind.Newcomers,
            MunicipalityCodes = { municipalityCode },
            EmploymentOffice = "Arbetsförmedlingen (benchmark)",
            TargetGroups = { TargetGroup.Newcomers },
        })).Agreement;

        foreach (var track in Tracks)
        {
            await agreements.AddJobTrackAsync(new AddJobTrackRequest
            {
                RequestId = $"{requestId}-track-{track.Key}",
                AgreementId = created.AgreementId,
                JobTrack = new JobTrackSpec
                {
                    Name = track.Name,
                    OccupationCode = track.Ssyk,
                    Employers = { new Employer { Name = "Benchmark employer (illustrative)", OrganisationNumber = "212000-2361" } },
                    Components = { new JobTrackComponent { Kind = JobTrackComponentKind.Sfi, Weeks = 20 } },
                    LengthWeeks = 52,
                    // The most the platform allows; the measured phase takes no places anyway.
                    Places = 10_000,
                },
            });
        }

        // In force since a year ago, so enrolments dated in the past fall inside it.
        await agreements.SignAgreementAsync(new SignAgreementRequest
        {
            RequestId = $"{requestId}-sign",
            AgreementId = created.AgreementId,
            ValidFrom = today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ValidTo = today.AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        return new BenchmarkAgreement(label, municipalityCode, created.AgreementId);
    }
}
