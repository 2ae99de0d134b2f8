using System.Globalization;
using Dua.Contracts.V1;

namespace Dua.LoadTest.Planning;

/// <summary>
/// The national data set a seed describes: every agreement with its job tracks, the monthly figures, and any
/// participant by number. Pure and deterministic: the same seed and as-of date give the same plan, and
/// participant i's plan does not depend on how many participants are seeded, so a larger run extends a smaller
/// one with the same request ids.
/// </summary>
public sealed class DataSetPlan
{
    private readonly Dictionary<string, AgreementPlan> _youth = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgreementPlan> _newcomers = new(StringComparer.Ordinal);
    private readonly double[] _cumulativeShare;
    private readonly PersonNumbers _persons;

    /// <summary>
    /// The planning's version, part of every request id and of every draw: raise it whenever a change to the
    /// planning changes a request, so a new data set never meets an old one's request ids or persons.
    /// </summary>
    public const int Version = 1;

    public DataSetPlan(long seed, DateOnly asOf)
    {
        Seed = (long)PlanRandom.Mix((ulong)seed ^ PlanRandom.Mix(Version));
        AsOf = asOf;
        Ids = new RequestIds(seed, asOf);
        _persons = new PersonNumbers(Seed, asOf);
        Municipalities = MunicipalitySizes.All;

        double total = Municipalities.Sum(m => (double)m.PopulationEstimate);
        _cumulativeShare = new double[Municipalities.Count];
        var running = 0.0;
        for (var i = 0; i < Municipalities.Count; i++)
        {
            running += Municipalities[i].PopulationEstimate / total;
            _cumulativeShare[i] = running;
        }

        var withoutNewcomers = Municipalities
            .Where(m => !m.Listed)
            .OrderBy(m => new PlanRandom(Seed, "no-newcomers:" + m.Code).NextUInt64())
            .Take(ProcessModel.MunicipalitiesWithoutNewcomerAgreement)
            .Select(m => m.Code)
            .ToHashSet(StringComparer.Ordinal);

        var agreements = new List<AgreementPlan>();
        foreach (var municipality in Municipalities)
        {
            var share = municipality.PopulationEstimate / total;
            var hasNewcomers = !withoutNewcomers.Contains(municipality.Code);
            var youth = PlanAgreement(municipality, AgreementKind.Youth, share * (hasNewcomers ? 1 - ProcessModel.NewcomerShare : 1));
            _youth.Add(municipality.Code, youth);
            agreements.Add(youth);
            if (hasNewcomers)
            {
                var newcomers = PlanAgreement(municipality, AgreementKind.Newcomers, share * ProcessModel.NewcomerShare);
                _newcomers.Add(municipality.Code, newcomers);
                agreements.Add(newcomers);
            }
        }

        Agreements = agreements;
    }

    /// <summary>The seed all draws derive from: the given seed mixed with the plan's version.</summary>
    public long Seed { get; }

    /// <summary>The day the data set describes; every planned date lies before it.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The latest day a planned step may fall on: the day before the as-of date.</summary>
    public DateOnly LastDay => AsOf.AddDays(-1);

    public RequestIds Ids { get; }

    public IReadOnlyList<SizedMunicipality> Municipalities { get; }

    public IReadOnlyList<AgreementPlan> Agreements { get; }

    public AgreementPlan YouthAgreement(string municipalityCode) => _youth[municipalityCode];

    public AgreementPlan? NewcomersAgreement(string municipalityCode) => _newcomers.GetValueOrDefault(municipalityCode);

    /// <summary>The months with figures, oldest first: the <see cref="ProcessModel.FigureMonths"/> before the as-of date's month.</summary>
    public IReadOnlyList<DateOnly> FigureMonths =>
        [.. Enumerable.Range(1, ProcessModel.FigureMonths).Reverse().Select(k => new DateOnly(AsOf.Year, AsOf.Month, 1).AddMonths(-k))];

    public ParticipantPlan Participant(long index)
    {
        if (index < 0 || index >= ProcessModel.MaxParticipants)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"a plan holds at most {ProcessModel.MaxParticipants:N0} participants");
        }

        var random = new PlanRandom(Seed, "participant", index);
        var municipality = PickMunicipality(random.NextDouble());
        var newcomersAgreement = NewcomersAgreement(municipality.Code);
        var newcomer = newcomersAgreement is not null && random.Chance(ProcessModel.NewcomerShare);
        var agreement = newcomer ? newcomersAgreement! : YouthAgreement(municipality.Code);
        var person = _persons.For(index, newcomer);
        var enrolled = LastDay.AddDays(-random.Next(ProcessModel.EnrolmentWindowDays));
        TargetGroup[] targetGroups = newcomer ? [TargetGroup.Newcomers]
            : random.Chance(ProcessModel.YouthLongTermShare) ? [TargetGroup.Youth, TargetGroup.LongTermUnemployed]
            : [TargetGroup.Youth];

        var steps = PlanProcess(random, agreement, newcomer, enrolled).TakeWhile(s => s.On <= LastDay).ToArray();
        return new ParticipantPlan(index, agreement, person, person.AgeBandOn(enrolled), targetGroups, enrolled, steps);
    }

    /// <summary>This plan's figures for every municipality and month, with their request ids.</summary>
    public IEnumerable<ReportMonthlyFiguresRequest> MonthlyFigures() =>
        Municipalities.SelectMany(m => FigureMonths.Select((month, k) => Figures(m, month, k)));

    // The whole process as it would run; the caller cuts it at the as-of date. The draws come in a fixed order,
    // so the steps before the cut never depend on where the cut falls.
    private static IEnumerable<PlannedStep> PlanProcess(PlanRandom random, AgreementPlan agreement, bool newcomer, DateOnly enrolled)
    {
        var day = enrolled;
        if (random.Chance(ProcessModel.DropOutOfModule1))
        {
            yield return new PlannedStep(StepKind.Exit, day.AddDays(random.Between(7, 60)),
                Outcome: random.Weighted<ExitOutcome>([(ExitOutcome.Other, 0.6), (ExitOutcome.Unknown, 0.4)]));
            yield break;
        }

        // Module 1, introduction and mapping: two to eight weeks.
        day = day.AddDays(random.Between(14, 56));
        yield return new PlannedStep(StepKind.StartJobPreparation, day);

        if (random.Chance(ProcessModel.DropOutOfModule2))
        {
            day = day.AddDays(random.Between(14, 90));
            yield return new PlannedStep(StepKind.Exit, day,
                Outcome: random.Weighted<ExitOutcome>([(ExitOutcome.Employment, 0.4), (ExitOutcome.Other, 0.35), (ExitOutcome.Unknown, 0.25)]));
            yield break;
        }

        // Module 2, job preparation: one to four months, ending in the path choice.
        day = day.AddDays(random.Between(28, 112));
        var work = random.Chance(ProcessModel.WorkPathShare(newcomer));
        yield return new PlannedStep(StepKind.ChoosePath, day, Path: work ? PathChoice.Work : PathChoice.Studies);

        if (!work)
        {
            day = day.AddDays(random.Between(7, 60));
            yield return new PlannedStep(StepKind.Exit, day,
                Outcome: random.Weighted<ExitOutcome>([(ExitOutcome.RegularStudies, 0.85), (ExitOutcome.Other, 0.15)]));
            yield break;
        }

        if (agreement.JobTracks.Count > 0 && random.Chance(ProcessModel.JobTrackShare(newcomer)))
        {
            // Module 3, a local job track, for about the track's length.
            var track = random.Pick(agreement.JobTracks);
            day = day.AddDays(random.Between(7, 42));
            yield return new PlannedStep(StepKind.StartJobTrack, day, JobTrackNumber: track.Number);

            var lengthDays = track.Spec.LengthWeeks * 7;
            if (random.Chance(ProcessModel.DropOutOfJobTrack))
            {
                day = day.AddDays(random.Between(28, Math.Max(28, lengthDays / 2)));
                yield return new PlannedStep(StepKind.Exit, day,
                    Outcome: random.Weighted<ExitOutcome>([(ExitOutcome.Other, 0.6), (ExitOutcome.Unknown, 0.2), (ExitOutcome.Employment, 0.2)]));
                yield break;
            }

            day = day.AddDays(lengthDays + random.Between(-21, 14));
            yield return new PlannedStep(StepKind.Exit, day,
                Outcome: random.Weighted<ExitOutcome>([
                    (ExitOutcome.Employment, 0.50), (ExitOutcome.SubsidisedEmployment, 0.25), (ExitOutcome.RegularStudies, 0.05),
                    (ExitOutcome.Other, 0.12), (ExitOutcome.Unknown, 0.08)]));
            yield break;
        }

        // Work without a job track: matched to a job, or a subsidised one, within five months.
        day = day.AddDays(random.Between(14, 150));
        yield return new PlannedStep(StepKind.Exit, day,
            Outcome: random.Weighted<ExitOutcome>([
                (ExitOutcome.Employment, 0.55), (ExitOutcome.SubsidisedEmployment, 0.20), (ExitOutcome.Other, 0.15), (ExitOutcome.Unknown, 0.10)]));
    }

    private SizedMunicipality PickMunicipality(double u)
    {
        var at = Array.BinarySearch(_cumulativeShare, u);
        var index = at >= 0 ? at + 1 : ~at;
        return Municipalities[Math.Min(index, Municipalities.Count - 1)];
    }

    private AgreementPlan PlanAgreement(SizedMunicipality municipality, AgreementKind kind, double participantShare)
    {
        var newcomer = kind == AgreementKind.Newcomers;
        var requestId = Ids.CreateAgreement(municipality.Code, AgreementPlan.KindName(kind));
        var random = new PlanRandom(Seed, "agreement:" + requestId);
        var validFrom = AsOf.AddYears(-3);
        var validTo = AsOf.AddYears(2).AddDays(-1);

        var create = new CreateAgreementRequest
        {
            RequestId = requestId,
            Kind = kind,
            MunicipalityCodes = { municipality.Code },
            EmploymentOffice = $"Arbetsförmedlingen {municipality.Name}",
            Signatories =
            {
                new Signatory { Name = $"Kommunstyrelsens ordförande, {municipality.Name}", Role = "Chair of the municipal executive board", Party = Party.Municipality },
                new Signatory { Name = $"Arbetsförmedlingen {municipality.Name}", Role = "Head of office", Party = Party.EmploymentService },
            },
            TargetGroups = { newcomer ? TargetGroup.Newcomers : TargetGroup.Youth },
            Goals =
            {
                newcomer
                    ? new Goal { Metric = "exited_to_work_or_studies_share", Target = 50, TargetDate = Iso(validTo), Unit = "percent" }
                    : new Goal { Metric = "participants_enrolled", Target = Math.Max(10, municipality.PopulationEstimate / 1000), TargetDate = Iso(validTo), Unit = "persons" },
            },
        };

        var trackCount = newcomer
            ? random.Between(ProcessModel.NewcomerTracksMin, ProcessModel.NewcomerTracksMax)
            : municipality.Listed ? random.Between(2, 3) : random.Weighted<int>([(0, 0.3), (1, 0.5), (2, 0.2)]);
        var templates = ShortageOccupations.Templates.OrderBy(_ => random.NextUInt64()).Take(trackCount).ToArray();
        var places = PlacesFor(participantShare * ProcessModel.ShareOnTrack(newcomer, Math.Max(1, trackCount)));
        var tracks = templates
            .Select((template, i) => new JobTrackPlan(i + 1, Ids.AddJobTrack(requestId, i + 1), TrackSpec(template, municipality, newcomer, places, random)))
            .ToArray();
        return new AgreementPlan(municipality, kind, requestId, create, tracks, validFrom, validTo);
    }

    // Sized for the most participants a data set is meant to grow to, so the request (and its id) never has to
    // change; a place is only ever held by a participant of the track, so the expected number that ever start
    // it, with a margin, is enough in any order the seeding runs in.
    private static int PlacesFor(double shareOfAllParticipants) =>
        (int)Math.Clamp(Math.Ceiling(1.5 * shareOfAllParticipants * ProcessModel.PlacesSizedFor) + 10, 10, 10_000);

    private static JobTrackSpec TrackSpec(TrackTemplate template, SizedMunicipality municipality, bool newcomer, int places, PlanRandom random)
    {
        var length = random.Between(template.MinWeeks, template.MaxWeeks);
        if (!newcomer)
        {
            // Young people come with Swedish and often some schooling: shorter tracks, no SFI.
            length = Math.Max(12, length * 2 / 3);
        }

        var spec = new JobTrackSpec
        {
            Name = template.Name,
            OccupationCode = template.OccupationCode,
            Requirements = new JobTrackRequirements { SwedishLevel = newcomer ? random.Pick<string>(["SFI C", "SFI D", "Svenska 1"]) : "" },
            LengthWeeks = length,
            Places = places,
        };
        if (template.Prerequisite is { } prerequisite)
        {
            spec.Requirements.Prerequisites.Add(prerequisite);
        }

        var employers = random.Weighted<int>([(1, 0.6), (2, 0.3), (3, 0.1)]);
        for (var e = 0; e < employers; e++)
        {
            var name = string.Format(CultureInfo.InvariantCulture, template.EmployerPattern, municipality.Name);
            spec.Employers.Add(new Employer
            {
                Name = e == 0 ? name : $"{name} ({e + 1})",
                OrganisationNumber = OrganisationNumbers.Draw(random, template.PublicEmployer),
            });
        }

        if (newcomer)
        {
            spec.Components.Add(new JobTrackComponent { Kind = JobTrackComponentKind.Sfi, Weeks = Math.Min(length, random.Between(12, 40)) });
        }

        spec.Components.Add(new JobTrackComponent { Kind = template.Education, Weeks = Math.Min(length, random.Between(8, Math.Max(8, length / 2))) });
        spec.Components.Add(new JobTrackComponent { Kind = JobTrackComponentKind.Internship, Weeks = Math.Min(length, random.Between(4, 12)) });
        spec.Components.Add(new JobTrackComponent { Kind = JobTrackComponentKind.SubsidisedEmployment, Weeks = Math.Min(length, random.Between(8, 26)) });
        return spec;
    }

    // A municipality's figures move around its own level with the seasons (more unemployed in winter and in
    // the summer holidays) and a slow trend; the subgroups keep their shares of the total.
    private ReportMonthlyFiguresRequest Figures(SizedMunicipality municipality, DateOnly month, int k)
    {
        ReadOnlySpan<double> season = [0.4, 0.3, 0.1, -0.1, -0.2, 0.3, 0.5, 0.2, -0.3, -0.4, -0.3, -0.1];
        var level = new PlanRandom(Seed, "figures:" + municipality.Code);
        var baseRate = 3.5 + 7.5 * level.NextDouble();
        var trend = -0.05 + 0.1 * level.NextDouble();
        var youthShare = 0.09 + 0.06 * level.NextDouble();
        var newcomerShare = 0.12 + 0.25 * level.NextDouble();
        var longTermShare = 0.30 + 0.15 * level.NextDouble();
        var noise = -0.15 + 0.3 * new PlanRandom(Seed, "figures:" + municipality.Code, month.Year * 12 + month.Month).NextDouble();

        var rate = Math.Clamp(baseRate + season[month.Month - 1] + trend * k + noise, 1.0, 25.0);
        // About 63 % of inhabitants are 16-64, and about 82 % of those are in the labour force.
        var labourForce = municipality.PopulationEstimate * 0.63 * 0.82;
        var unemployed = (int)Math.Round(labourForce * rate / 100);
        return new ReportMonthlyFiguresRequest
        {
            RequestId = Ids.ReportFigures(municipality.Code, month),
            MunicipalityCode = municipality.Code,
            Month = month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            Unemployed1664 = unemployed,
            Unemployed1824 = (int)Math.Round(unemployed * youthShare),
            UnemployedNewcomers = (int)Math.Round(unemployed * newcomerShare),
            UnemployedOver12Months = (int)Math.Round(unemployed * longTermShare),
            UnemploymentRate = Math.Round(rate, 1),
        };
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
