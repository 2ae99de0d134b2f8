using System.Collections.Immutable;
using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;
using Dua.Domain.Participants;
using Dua.Domain.Requests;
using Dua.Grains;
using Dua.Grains.Agreements;
using Dua.Grains.Participants;
using Dua.ReferenceData;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;
using Dua.Grains.Abstractions.Participants;

namespace Dua.Benchmarks.Placement;

/// <summary>
/// One fixed workload through the real grains: in every county, signed YOUTH agreements with two job tracks;
/// participants enrolled through their person grains and taken through every module to an exit; then everything
/// read back and checked. Ids come from a seed and every call's entry silo from its place in the workload (or
/// its county, see <see cref="EntryRouting"/>), so both placements get exactly the same calls through the same silos.
/// </summary>
public sealed class PlacementWorkload(BenchmarkOptions options)
{
    private static readonly DateOnly ValidFrom = new(2026, 1, 1);
    private static readonly DateOnly ValidTo = new(2027, 12, 31);
    private static readonly DateOnly[] StepDays = [new(2026, 2, 2), new(2026, 3, 2), new(2026, 4, 1), new(2026, 5, 4), new(2026, 6, 1)];

    /// <summary>The agreements, each with its county, municipality, id and the pseudonyms of its participants.</summary>
    public IReadOnlyList<PlannedAgreement> Plan { get; } = MakePlan(options);

    /// <summary>Calls the workload makes from outside the grains (each one a gRPC request on a real silo).</summary>
    public int EntryCalls => Plan.Count * (4 + 4 + 6 * options.Participants);

    public async Task RunAsync(PlacementCluster cluster)
    {
        await Parallel.ForEachAsync(Plan, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (agreement, _) =>
        {
            // Every request of one agreement's run names a grain of its county (enrolment names the agreement).
            IReadOnlyList<IGrainFactory> entryPoints = options.Entry == EntryRouting.County ? [cluster.EntryOwning(agreement.RegionCode)] : cluster.EntryPoints;
            await new AgreementRun(agreement, entryPoints, options.Participants).RunAsync();
        });
    }

    private static List<PlannedAgreement> MakePlan(BenchmarkOptions options)
    {
        var random = new Random(options.Seed);
        string Hex(int bytes) => Convert.ToHexStringLower(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), bytes));

        var plan = new List<PlannedAgreement>();
        foreach (var county in Geography.Sweden.Counties)
        {
            // Signing a second YOUTH agreement for a municipality would supersede the first: one per municipality.
            foreach (var municipality in Geography.Sweden.MunicipalitiesIn(county.Code).Take(options.AgreementsPerCounty))
            {
                var pseudonyms = Enumerable.Range(0, options.Participants).Select(_ => Hex(32)).ToImmutableArray();
                plan.Add(new PlannedAgreement(plan.Count, county.Code, municipality.Code, $"{county.Code}-{Hex(8)}", pseudonyms));
            }
        }

        return plan;
    }

    /// <summary>The calls for one agreement, in order; call n enters at silo (agreement index + n) mod 3.</summary>
    private sealed class AgreementRun(PlannedAgreement planned, IReadOnlyList<IGrainFactory> entryPoints, int participants)
    {
        private int _calls;

        public async Task RunAsync()
        {
            var agreement = Next().GetGrain<IAgreementGrain>(GrainKeys.Agreement(planned.AgreementId));
            await agreement.CreateAsync(Request("create"), Draft());
            var tracks = new[]
            {
                (await Agreement().AddJobTrackAsync(Request("track-1"), Track("Undersköterska", "5321", participants))).JobTrackId,
                (await Agreement().AddJobTrackAsync(Request("track-2"), Track("Kock", "5120", participants))).JobTrackId,
            };
            await Agreement().SignAsync(Request("sign"), new ValidityPeriod(ValidFrom, ValidTo));

            for (var i = 0; i < participants; i++)
            {
                var pseudonym = planned.Pseudonyms[i];
                var enrolled = await Next().GetGrain<IPersonGrain>(GrainKeys.Person(pseudonym))
                    .EnrolAsync(Request($"enrol-{i}"), new Enrolment(planned.AgreementId, pseudonym, AgeBand.From20To24, [TargetGroup.Youth], StepDays[0]));
                ProgressStep[] steps =
                [
                    new(ParticipantEventKind.JobPreparationStarted, StepDays[1]),
                    new(ParticipantEventKind.PathChosen, StepDays[2], PathChoice.Work),
                    new(ParticipantEventKind.JobTrackStarted, StepDays[3], JobTrackId: tracks[i % 2]),
                    new(ParticipantEventKind.Exited, StepDays[4], Outcome: ExitOutcome.Employment),
                ];
                foreach (var (step, n) in steps.Select((s, n) => (s, n)))
                {
                    await Participant(enrolled.Id).RecordAsync(Request($"step-{i}-{n}"), step);
                }
            }

            await ReadBackAsync();
        }

        private async Task ReadBackAsync()
        {
            var agreement = await Agreement().GetAsync() ?? throw Wrong("agreement missing");
            if (agreement.Status != AgreementStatus.Signed || agreement.ParticipantsAdmitted != participants)
            {
                throw Wrong($"agreement is {agreement.Status} with {agreement.ParticipantsAdmitted} admitted");
            }

            var roster = ParticipantRoster.IdsAfter(planned.AgreementId, agreement.ParticipantsAdmitted, null).ToArray();
            var inMunicipality = await Next().GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(planned.MunicipalityCode)).ListAgreementsAsync();
            var inRegion = await Next().GetGrain<IRegionGrain>(GrainKeys.Region(planned.RegionCode)).ListAgreementsAsync();
            if (!inMunicipality.Any(e => e.AgreementId == planned.AgreementId) || !inRegion.Any(e => e.AgreementId == planned.AgreementId))
            {
                throw Wrong("indexes incomplete");
            }

            foreach (var participantId in roster)
            {
                var participant = await Participant(participantId).GetAsync();
                if (participant is not { Status: ParticipantStatus.Exited, Outcome: ExitOutcome.Employment })
                {
                    throw Wrong($"participant {participantId} did not exit to employment");
                }
            }
        }

        private IGrainFactory Next() => entryPoints[(planned.Index + _calls++) % entryPoints.Count];

        private IAgreementGrain Agreement() => Next().GetGrain<IAgreementGrain>(GrainKeys.Agreement(planned.AgreementId));

        private IParticipantGrain Participant(string participantId) => Next().GetGrain<IParticipantGrain>(GrainKeys.Participant(participantId));

        private RequestKey Request(string what) => new($"bench-{planned.AgreementId}-{what}", what);

        private InvalidOperationException Wrong(string what) => new($"Read-back of agreement {planned.AgreementId}: {what}.");

        private AgreementDraft Draft() => new(
            AgreementKind.Youth,
            [planned.MunicipalityCode],
            planned.RegionCode,
            new AgreementTerms(
                "Arbetsförmedlingen",
                [new Signatory("Anna Berg", "Kommunstyrelsens ordförande", Party.Municipality), new Signatory("Erik Lund", "Sektionschef", Party.EmploymentService)],
                [TargetGroup.Youth],
                [],
                [new Goal("Unga i arbete eller studier", Baseline: 61, Target: 70, ValidTo, "procent")]));

        private static JobTrackSpec Track(string name, string occupation, int places) => new(
            name, occupation, [new Employer("Regionens sjukhus", "232100-0040")], "SFI D", [],
            [new JobTrackComponent(JobTrackComponentKind.Sfi, 8), new JobTrackComponent(JobTrackComponentKind.Internship, 12)],
            LengthWeeks: 20, Places: Math.Max(places, 1));
    }
}

/// <summary>One agreement of the workload, fixed before either placement runs.</summary>
public sealed record PlannedAgreement(int Index, string RegionCode, string MunicipalityCode, string AgreementId, ImmutableArray<string> Pseudonyms);
