using System.Globalization;
using CsCheck;
using Dua.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;
using Xunit.Abstractions;
using static Dua.Testing.Requests.AgreementRequests;

namespace Dua.Silo.Tests;

/// <summary>
/// Random sequences of create, add-job-track, sign and retried requests, mostly valid with some fields spoiled:
/// every answer is OK or a status the API promises, a refused request changes nothing, a retried success
/// succeeds again, and every agreement keeps its invariants.
/// </summary>
public sealed class AgreementPropertyTests(InMemorySiloFactory silo, ITestOutputHelper output) : IClassFixture<InMemorySiloFactory>
{
    private const int Iterations = 200;

    /// <summary>Stands for a fresh request id, made when the request is sent, so retries across samples stay apart.</summary>
    private const string FreshId = "<fresh>";

    private static readonly StatusCode[] PromisedRefusals = [StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition];

    private readonly AgreementService.AgreementServiceClient _client = new(silo.Channel);

    private abstract record Op;

    private sealed record CreateOp(CreateAgreementRequest Request) : Op;

    /// <summary>Target picks one of the sample's agreements; with none yet, the request's own agreement_id is used.</summary>
    private sealed record AddJobTrackOp(int Target, AddJobTrackRequest Request) : Op;

    private sealed record SignOp(int Target, SignAgreementRequest Request) : Op;

    /// <summary>Sends an earlier request of the sample again, as it was or with other content.</summary>
    private sealed record RetryOp(int Earlier, bool Altered) : Op;

    // Each field is valid most of the time and junk now and then, so that about half the requests pass validation
    // and reach the grain, and the other half probe the edge.

    private const int Valid = 40;

    private static Gen<T> Mostly<T>(Gen<T> valid, Gen<T> junk) => Gen.Frequency((Valid, (IGen<T>)valid), (1, junk));

    private static readonly Gen<string> AnyText = Gen.Frequency(
        (3, (IGen<string>)Gen.Char["abcåäöXYZ 0123-_.:/\0\n\t\u0007\u001b\u200b\u00a0é"].Array[0, 30].Select(cs => new string(cs))),
        (1, Gen.Const("")),
        (1, Gen.Const("   ")),
        (1, Gen.Char['a', 'z'].Array[190, 260].Select(cs => new string(cs))),
        (1, Gen.Char['\u0000', '\u00ff'].Array[0, 40].Select(cs => new string(cs))));

    private static readonly Gen<string> Name = Mostly(Gen.OneOf("Undersköterska", "Barnskötare i förskolan", "Lastbilsförare", "Anna Berg"), AnyText);

    private static readonly Gen<string> RequestId = Gen.Frequency(
        (Valid, (IGen<string>)Gen.Const(FreshId)),
        (1, Gen.OneOf("a", "retry-1", "b")),
        (1, AnyText));

    private static readonly Gen<string> JunkMunicipalityCode = Gen.Frequency(
        (1, (IGen<string>)Gen.OneOf(Stockholm, "0000", "9999")),
        (1, Gen.Int[0, 9999].Select(i => i.ToString("D4", CultureInfo.InvariantCulture))),
        (1, AnyText));

    /// <summary>One to three municipalities of one county, sometimes spoiled: another county, a repeat, junk, none or too many.</summary>
    private static readonly Gen<string[]> MunicipalityCodes = Gen.Frequency(
        (Valid, (IGen<string[]>)Gen.Shuffle(new[] { Hudiksvall, Gavle, "2101", "2104" }, 1, 3)),
        (Valid, Gen.Shuffle(new[] { Eskilstuna, "0488", "0486" }, 1, 3)),
        (1, Gen.OneOf(Hudiksvall, Eskilstuna, Gavle).Array[2, 3]),
        (1, JunkMunicipalityCode.Array[0, 3]),
        (1, Gen.Const(Array.Empty<string>())),
        (1, Gen.Int[100, 199].Select(i => i.ToString("D4", CultureInfo.InvariantCulture)).Array[21, 25]));

    private static readonly Gen<string> Date = Mostly(
        Gen.DateOnly[new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)].Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        Gen.Frequency(
            (1, (IGen<string>)Gen.OneOf("2020-13-01", "2021-02-29", "1999-12-31", "2101-01-01", "9999-12-31", "0001-01-01", "2026-1-1", "")),
            (1, AnyText)));

    private static readonly Gen<double> Number = Mostly(
        Gen.Double[-1000, 1000],
        Gen.Frequency(
            (1, (IGen<double>)Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 1e10, -1e10, double.Epsilon, double.MaxValue)),
            (1, Gen.Double)));

    private static readonly Gen<int> JunkInt = Gen.Frequency(
        (1, (IGen<int>)Gen.OneOf(0, -1, 11, 105, 10_001, int.MinValue, int.MaxValue)),
        (1, Gen.Int));

    private static Gen<T> Enum<T>(params T[] defined)
        where T : struct, System.Enum =>
        Mostly(
            Gen.OneOf(defined),
            Gen.Frequency((1, (IGen<T>)Gen.Const(default(T))), (1, Gen.Int[-3, 200].Select(i => (T)(object)i))));

    private static readonly Gen<Goal> Goals = Gen.Select(Name, Gen.Bool, Number, Number, Date, Mostly(Gen.OneOf("percent", "persons", ""), AnyText),
        (metric, hasBaseline, baseline, target, date, unit) =>
        {
            var goal = new Goal { Metric = metric, Target = target, TargetDate = date, Unit = unit };
            if (hasBaseline)
            {
                goal.Baseline = baseline;
            }

            return goal;
        });

    private static readonly Gen<Signatory> Signatories = Gen.Select(Name, Name, Enum(Party.Municipality, Party.EmploymentService, Party.Other),
        (name, role, party) => new Signatory { Name = name, Role = role, Party = party });

    private static readonly Gen<CreateAgreementRequest> Creates = Gen.Select(
        RequestId,
        Enum(AgreementKind.Youth, AgreementKind.Newcomers, AgreementKind.Collaboration),
        MunicipalityCodes,
        Mostly(Gen.OneOf(NorraHalsingland, "Arbetsförmedlingen Eskilstuna"), AnyText),
        Signatories.Array[0, 2],
        Mostly(
            Gen.Shuffle(new[] { TargetGroup.Youth, TargetGroup.Newcomers, TargetGroup.LongTermUnemployed, TargetGroup.SpecialSupport }, 1, 3),
            Enum(TargetGroup.Youth, TargetGroup.Newcomers).Array[0, 12]),
        Mostly(Gen.Const(Array.Empty<FocusArea>()), Enum(FocusArea.WelfareCompetenceSupply, FocusArea.SpecialSupport).Array[1, 2]),
        Goals.Array[0, 2],
        (requestId, kind, codes, office, signatories, groups, focus, goals) => new CreateAgreementRequest
        {
            RequestId = requestId,
            Kind = kind,
            MunicipalityCodes = { codes },
            EmploymentOffice = office,
            Signatories = { signatories },
            TargetGroups = { groups },
            FocusAreas = { focus },
            Goals = { goals },
        });

    private static readonly Gen<Employer> Employers = Gen.Select(
        Name,
        Mostly(
            Gen.OneOf(HudiksvallsKommun, Volvo, RegionGavleborg, "5560360793", "165560360793"),
            Gen.Frequency(
                (1, (IGen<string>)Gen.Long[0, 9_999_999_999].Select(n => n.ToString("D10", CultureInfo.InvariantCulture).Insert(6, "-"))),
                (1, AnyText))),
        (name, number) => new Employer { Name = name, OrganisationNumber = number });

    private static readonly Gen<JobTrackSpec> Tracks = Gen.Select(
        Name,
        Mostly(
            Gen.OneOf(AssistantNurses, TruckDrivers, "2221", "5311"),
            Gen.Frequency((1, (IGen<string>)Gen.Int[0, 9999].Select(i => i.ToString("D4", CultureInfo.InvariantCulture))), (1, AnyText))),
        Gen.Frequency((4, (IGen<Employer[]>)Employers.Array[1, 2]), (1, Gen.Const(Array.Empty<Employer>()))),
        Mostly(Gen.OneOf("SFI D", "Svenska 2", ""), AnyText),
        Gen.Select(
            Enum(JobTrackComponentKind.Sfi, JobTrackComponentKind.Komvux, JobTrackComponentKind.Internship, JobTrackComponentKind.SubsidisedEmployment),
            Mostly(Gen.Int[1, 12], JunkInt),
            (kind, weeks) => new JobTrackComponent { Kind = kind, Weeks = weeks }).Array[1, 3],
        Mostly(Gen.Int[12, 104], JunkInt),
        Mostly(Gen.Int[1, 30], JunkInt),
        Gen.Int[0, 30],
        (name, occupation, employers, swedish, components, length, places, spoil) => new JobTrackSpec
        {
            Name = name,
            OccupationCode = occupation,
            Employers = { employers },
            Requirements = new JobTrackRequirements { SwedishLevel = swedish },
            Components = { spoil == 0 ? [] : components },
            LengthWeeks = length,
            Places = places,
        });

    private static readonly Gen<string> AgreementId = Gen.Frequency(
        (3, (IGen<string>)Gen.Const("21-0123456789abcdef")),
        (1, Gen.Const("")),
        (1, AnyText));

    private static readonly Gen<Op> Ops = Gen.Frequency(
        (3, (IGen<Op>)Creates.Select(r => (Op)new CreateOp(r))),
        (6, Gen.Select(Gen.Int[0, 3], RequestId, AgreementId, Tracks,
            (target, requestId, agreementId, track) => (Op)new AddJobTrackOp(target, new AddJobTrackRequest { RequestId = requestId, AgreementId = agreementId, JobTrack = track }))),
        (2, Gen.Select(Gen.Int[0, 3], RequestId, AgreementId, Gen.DateOnly[new DateOnly(2001, 1, 1), new DateOnly(2099, 1, 1)], Gen.Int[-30, 1500], Gen.Int[0, 40],
            (target, requestId, agreementId, from, days, junk) => (Op)new SignOp(target, new SignAgreementRequest
            {
                RequestId = requestId,
                AgreementId = agreementId,
                ValidFrom = junk == 0 ? "2026-02-30" : from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ValidTo = from.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }))),
        (1, Gen.Select(Gen.Int[0, 20], Gen.Bool, (earlier, altered) => (Op)new RetryOp(earlier, altered))));

    [Fact]
    public async Task Random_requests_get_promised_statuses_and_agreements_keep_their_invariants()
    {
        var outcomes = new Dictionary<string, int>();
        await Ops.Array[1, 14].SampleAsync(async ops => await RunAsync(ops, outcomes), iter: Iterations, threads: 1);
        output.WriteLine(Describe(outcomes));

        // The generators must reach both sides of every rule, or the property says little.
        Assert.True(outcomes.GetValueOrDefault("CreateOp:OK") > 50, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("AddJobTrackOp:OK") > 50, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("SignOp:OK") > 10, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("SignOp:FailedPrecondition") > 0, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("CreateOp:InvalidArgument") > 10, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("AddJobTrackOp:InvalidArgument") > 10, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("RetryOp:OK") > 0, Describe(outcomes));
    }

    private async Task RunAsync(Op[] ops, Dictionary<string, int> outcomes)
    {
        var agreements = new List<string>();
        var sent = new List<(IMessage Request, bool Succeeded, string? JobTrackId)>();
        foreach (var op in ops)
        {
            var (request, target) = Prepare(op, agreements, sent);
            if (request is null)
            {
                continue;
            }

            var before = target is null ? null : await TryGetAsync(target);
            var (status, agreement, jobTrackId) = await SendAsync(request);
            Count(outcomes, $"{op.GetType().Name}:{status}");

            if (status != StatusCode.OK)
            {
                Assert.Contains(status, PromisedRefusals);
                if (before is not null)
                {
                    Assert.Equal(before, await TryGetAsync(target!));
                }
            }
            else
            {
                AssertInvariants(agreement!);
                if (!agreements.Contains(agreement!.AgreementId))
                {
                    agreements.Add(agreement.AgreementId);
                }
            }

            if (op is RetryOp { Altered: false } && sent.Single(s => ReferenceEquals(s.Request, request)) is { Succeeded: true } original)
            {
                Assert.Equal(StatusCode.OK, status);
                Assert.Equal(original.JobTrackId, jobTrackId);
            }

            if (op is not RetryOp)
            {
                sent.Add((request, status == StatusCode.OK, jobTrackId));
            }

            foreach (var id in agreements.ToArray())
            {
                var current = await TryGetAsync(id);
                Assert.NotNull(current);
                AssertInvariants(current);
                if (current.PredecessorAgreementId.Length > 0 && await TryGetAsync(current.PredecessorAgreementId) is { } predecessor)
                {
                    AssertInvariants(predecessor);
                    Assert.Equal(AgreementStatus.Ended, predecessor.Status);
                    Assert.Equal(EndReason.Superseded, predecessor.EndReason);
                }
            }
        }
    }

    /// <summary>The request to send for this op (an earlier one for a retry) and the agreement it targets.</summary>
    private static (IMessage? Request, string? Target) Prepare(Op op, List<string> agreements, List<(IMessage Request, bool Succeeded, string? JobTrackId)> sent)
    {
        string Fresh(string requestId) => requestId == FreshId ? NewRequestId() : requestId;
        string Pick(int target, string own) => agreements.Count > 0 ? agreements[target % agreements.Count] : own;

        switch (op)
        {
            case CreateOp c:
                var create = c.Request.Clone();
                create.RequestId = Fresh(create.RequestId);
                return (create, null);
            case AddJobTrackOp a:
                var add = a.Request.Clone();
                add.RequestId = Fresh(add.RequestId);
                add.AgreementId = Pick(a.Target, add.AgreementId);
                return (add, add.AgreementId);
            case SignOp s:
                var sign = s.Request.Clone();
                sign.RequestId = Fresh(sign.RequestId);
                sign.AgreementId = Pick(s.Target, sign.AgreementId);
                return (sign, sign.AgreementId);
            case RetryOp r when sent.Count > 0:
                var earlier = sent[r.Earlier % sent.Count].Request;
                if (!r.Altered)
                {
                    return (earlier, TargetOf(earlier));
                }

                var altered = earlier.Descriptor.Parser.ParseFrom(earlier.ToByteArray());
                switch (altered)
                {
                    case CreateAgreementRequest x: x.EmploymentOffice += " Syd"; break;
                    case AddJobTrackRequest x: x.JobTrack.Places++; break;
                    case SignAgreementRequest x: x.ValidTo = "2099-12-31"; break;
                }

                return (altered, TargetOf(altered));
            default:
                return (null, null);
        }
    }

    private static string? TargetOf(IMessage request) => request switch
    {
        AddJobTrackRequest x => x.AgreementId,
        SignAgreementRequest x => x.AgreementId,
        _ => null,
    };

    private async Task<(StatusCode Status, Agreement? Agreement, string? JobTrackId)> SendAsync(IMessage request)
    {
        try
        {
            return request switch
            {
                CreateAgreementRequest x => (StatusCode.OK, (await _client.CreateAgreementAsync(x)).Agreement, null),
                AddJobTrackRequest x => await AddAsync(x),
                SignAgreementRequest x => (StatusCode.OK, (await _client.SignAgreementAsync(x)).Agreement, null),
                _ => throw new InvalidOperationException(request.Descriptor.FullName),
            };
        }
        catch (RpcException e)
        {
            Assert.True(PromisedRefusals.Contains(e.StatusCode), $"{request.Descriptor.Name} {request} answered {e.StatusCode}: {e.Status.Detail}");
            return (e.StatusCode, null, null);
        }

        async Task<(StatusCode, Agreement?, string?)> AddAsync(AddJobTrackRequest x)
        {
            var response = await _client.AddJobTrackAsync(x);
            Assert.Contains(response.Agreement.JobTracks, t => t.JobTrackId == response.JobTrackId);
            return (StatusCode.OK, response.Agreement, response.JobTrackId);
        }
    }

    private async Task<Agreement?> TryGetAsync(string agreementId)
    {
        if (!Dua.Silo.Api.AgreementValidation.IsAgreementId(agreementId))
        {
            return null;
        }

        try
        {
            return (await _client.GetAgreementAsync(new GetAgreementRequest { AgreementId = agreementId })).Agreement;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    private static void AssertInvariants(Agreement a)
    {
        Assert.True(System.Enum.IsDefined(a.Status) && a.Status != AgreementStatus.Unspecified, $"status {a.Status}");
        Assert.True(System.Enum.IsDefined(a.Kind) && a.Kind != AgreementKind.Unspecified, $"kind {a.Kind}");
        Assert.True(a.Version >= 1, $"version {a.Version}");
        Assert.Matches("^[0-9]{2}-[0-9a-f]{16}$", a.AgreementId);
        Assert.StartsWith(a.RegionCode + "-", a.AgreementId);
        Assert.NotEmpty(a.MunicipalityCodes);
        Assert.Equal(a.MunicipalityCodes.Count, a.MunicipalityCodes.Distinct().Count());
        Assert.False(string.IsNullOrWhiteSpace(a.EmploymentOffice));
        Assert.NotEmpty(a.TargetGroups);
        Assert.Equal(a.JobTracks.Count, a.JobTracks.Select(t => t.JobTrackId).Distinct().Count());
        Assert.All(a.JobTracks, t =>
        {
            Assert.InRange(t.PlacesTaken, 0, t.Places);
            Assert.InRange(t.LengthWeeks, 12, 104);
            Assert.Equal(t.Employers.Count == 0, t.Preparatory);
            Assert.NotEmpty(t.OccupationName);
        });

        if (a.Status == AgreementStatus.Draft)
        {
            Assert.Empty(a.ValidFrom);
            Assert.Empty(a.Amendments);
        }
        else
        {
            Assert.True(string.CompareOrdinal(a.ValidFrom, a.ValidTo) < 0, $"valid {a.ValidFrom}..{a.ValidTo}");
        }

        if (a.Kind == AgreementKind.Newcomers && a.Status == AgreementStatus.Signed)
        {
            Assert.True(a.JobTracks.Count(t => t.Employers.Count > 0) >= 3, $"signed NEWCOMERS agreement {a.AgreementId} has {a.JobTracks.Count(t => t.Employers.Count > 0)} tracks with employers");
        }

        Assert.Equal(a.Status == AgreementStatus.Ended, a.EndReason != EndReason.Unspecified);
        Assert.Equal(a.EndReason == EndReason.Superseded, a.SuccessorAgreementId.Length > 0);
    }

    private static void Count(Dictionary<string, int> outcomes, string key) => outcomes[key] = outcomes.GetValueOrDefault(key) + 1;

    private static string Describe(Dictionary<string, int> outcomes) =>
        string.Join(", ", outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
