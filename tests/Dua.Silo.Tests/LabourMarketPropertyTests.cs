using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using Dua.Contracts.V1;
using Dua.Grains;
using Dua.ReferenceData;
using Grpc.Core;
using Xunit.Abstractions;
using Dua.Grains.Abstractions;

namespace Dua.Silo.Tests;

/// <summary>
/// Random sequences of reports, reads, listings and retried reports of monthly figures, mostly valid with some
/// fields spoiled: every answer is the one a small model of the rules predicts (OK, or INVALID_ARGUMENT, NOT_FOUND
/// or FAILED_PRECONDITION, never anything else), a refused report changes nothing, a retry returns the month as
/// it stands, and every month read back keeps the figures' rules.
/// </summary>
public sealed partial class LabourMarketPropertyTests(InMemorySiloFactory silo, ITestOutputHelper output) : IClassFixture<InMemorySiloFactory>
{
    private const int Iterations = 200;
    private const int Valid = 30;
    private const int MaxPersons = 1_000_000;

    /// <summary>Stands for a fresh request id, made when the request is sent, so retries across samples stay apart.</summary>
    private const string FreshId = "<fresh>";

    private static readonly StatusCode[] PromisedRefusals = [StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition];

    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 1);
    private static readonly DateOnly ThisMonth = FirstOf(SwedishCalendar.Today());

    /// <summary>Few municipalities, so that months are reported again (corrections) within a sample.</summary>
    private static readonly string[] Municipalities = ["2184", "2180", "0484", "0180", "2101"];

    private readonly LabourMarketService.LabourMarketServiceClient _client = new(silo.Channel);

    /// <summary>Every fresh request id made so far: the silo has only seen these in requests this test sent.</summary>
    private readonly HashSet<string> _freshIds = [];

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex RequestIdPattern();

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex MunicipalityPattern();

    [GeneratedRegex("^([0-9]{4})-(0[1-9]|1[0-2])$")]
    private static partial Regex MonthPattern();

    private abstract record Op;

    private sealed record ReportOp(ReportMonthlyFiguresRequest Request) : Op;

    private sealed record GetOp(GetMonthlyFiguresRequest Request) : Op;

    /// <summary>
    /// Reuse below 0 sends the request's own page_token; otherwise a token issued earlier in the sample, with the
    /// filter it was issued for when Reuse is even (a continuation) and the request's own when odd.
    /// </summary>
    private sealed record ListOp(ListMonthlyFiguresRequest Request, int Reuse) : Op;

    /// <summary>Sends an earlier report of the sample again, as it was or with other content under the same id.</summary>
    private sealed record RetryOp(int Earlier, bool Altered) : Op;

    /// <summary>What one sample has learnt: months it saw stored, its reports, the ids the silo applied, the tokens it got.</summary>
    private sealed class Sample
    {
        public Dictionary<(string Municipality, string Month), MonthlyFigures> Stored { get; } = [];
        public List<ReportMonthlyFiguresRequest> Sent { get; } = [];
        public Dictionary<(string Municipality, string RequestId), ReportMonthlyFiguresRequest> Applied { get; } = [];
        public List<(string Token, ListMonthlyFiguresRequest Request, string LastMonth)> Tokens { get; } = [];
    }

    private static Gen<T> Mostly<T>(Gen<T> valid, Gen<T> junk) => Gen.Frequency((Valid, (IGen<T>)valid), (1, junk));

    private static readonly Gen<string> AnyText = Gen.Frequency(
        (3, (IGen<string>)Gen.Char["abcXYZ 0123-_.:/\0\n\t\u0007\u001b\u200b\u00a0é٢２"].Array[0, 12].Select(cs => new string(cs))),
        (1, Gen.Const("")),
        (1, Gen.Const("   ")),
        (1, Gen.Char['0', '9'].Array[190, 260].Select(cs => new string(cs))),
        (1, Gen.Char['\u0000', '\u00ff'].Array[0, 40].Select(cs => new string(cs))));

    private static readonly Gen<string> RequestId = Gen.Frequency(
        (Valid, (IGen<string>)Gen.Const(FreshId)),
        (1, Gen.OneOf("a", "retry-1", "b")),
        (1, AnyText));

    private static readonly Gen<string> Municipality = Gen.Frequency(
        (Valid, (IGen<string>)Gen.OneOf(Municipalities)),
        (2, Gen.OneOf("0000", "9999", "2100")),
        (1, Gen.OneOf("218", "21840", "21a4", " 2184", "2184 ", "２１８４", "٢١٨٤", "")),
        (1, AnyText));

    private static readonly Gen<string> Month = Gen.Frequency(
        (Valid, (IGen<string>)Gen.Int[0, 3].Select(i => Text(ThisMonth.AddMonths(-i)))),
        (Valid / 3, Gen.Int[0, MonthsBetween(Earliest, ThisMonth)].Select(i => Text(Earliest.AddMonths(i)))),
        (3, Gen.OneOf(Text(ThisMonth.AddMonths(1)), Text(ThisMonth.AddYears(5)), "2100-12", "2000-01")),
        (3, Gen.OneOf("2026-13", "2026-00", "1999-12", "2101-01", "0000-01", "9999-12", "2026-1", "26-01", "2026/01", "2026-01-01", " 2026-01", "")),
        (1, AnyText));

    private static readonly Gen<int> JunkCount = Gen.Frequency(
        (2, (IGen<int>)Gen.OneOf(-1, MaxPersons + 1, int.MinValue, int.MaxValue)),
        (1, Gen.Int));

    private static readonly Gen<int> Total = Gen.Frequency(
        (6, (IGen<int>)Gen.Int[0, 5000]),
        (1, Gen.OneOf(0, 1, MaxPersons)),
        (1, Gen.Int[0, MaxPersons]));

    /// <summary>unemployed_16_64 and its three subgroups: consistent, a subgroup larger than the total, or junk counts.</summary>
    private static readonly Gen<int[]> Counts = Gen.Frequency(
        (Valid, (IGen<int[]>)Gen.Select(Total, Gen.Double[0, 1].Array[3], (total, parts) => new[] { total }.Concat(parts.Select(p => (int)(total * p))).ToArray())),
        (2, Gen.Select(Gen.Int[0, 5000], Gen.Int[1, 3], Gen.Int[1, 100], (total, which, extra) =>
        {
            var counts = new[] { total, total / 2, total / 3, total / 4 };
            counts[which] = total + extra;
            return counts;
        })),
        (2, Gen.Select(Mostly(Total, JunkCount), Mostly(Gen.Int[0, 100], JunkCount).Array[3], (total, subgroups) => new[] { total }.Concat(subgroups).ToArray())));

    private static readonly Gen<double?> Rate = Gen.Frequency(
        (Valid, (IGen<double?>)Gen.Double[0, 100].Select(d => (double?)d)),
        (Valid / 3, Gen.Const((double?)null)),
        (2, Gen.OneOf<double?>(0.0, 100.0, -0.0, double.Epsilon)),
        (3, Gen.OneOf<double?>(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.1, 100.0001, 1e300, -1e-300, double.MaxValue)));

    private static readonly Gen<ReportMonthlyFiguresRequest> Reports = Gen.Select(RequestId, Municipality, Month, Counts, Rate,
        (requestId, municipality, month, counts, rate) =>
        {
            var request = new ReportMonthlyFiguresRequest
            {
                RequestId = requestId,
                MunicipalityCode = municipality,
                Month = month,
                Unemployed1664 = counts[0],
                Unemployed1824 = counts[1],
                UnemployedNewcomers = counts[2],
                UnemployedOver12Months = counts[3],
            };
            if (rate is { } r)
            {
                request.UnemploymentRate = r;
            }

            return request;
        });

    private static readonly Gen<string> Bound = Gen.Frequency(
        (3, (IGen<string>)Gen.Const("")),
        (1, Month));

    private static readonly Gen<Op> Ops = Gen.Frequency(
        (6, (IGen<Op>)Reports.Select(r => (Op)new ReportOp(r))),
        (2, Gen.Select(Municipality, Month, (municipality, month) => (Op)new GetOp(new GetMonthlyFiguresRequest { MunicipalityCode = municipality, Month = month }))),
        (2, Gen.Select(Municipality, Bound, Bound, Mostly(Gen.Int[0, 4], Gen.OneOf(-1, 101, int.MinValue, int.MaxValue, 100)),
            Gen.Frequency((4, (IGen<string>)Gen.Const("")), (1, AnyText)), Gen.Frequency((3, (IGen<int>)Gen.Const(-1)), (2, Gen.Int[0, 9])),
            (municipality, from, to, pageSize, token, reuse) => (Op)new ListOp(
                new ListMonthlyFiguresRequest { MunicipalityCode = municipality, FromMonth = from, ToMonth = to, PageSize = pageSize, PageToken = token },
                reuse))),
        (2, Gen.Select(Gen.Int[0, 20], Gen.Bool, (earlier, altered) => (Op)new RetryOp(earlier, altered))));

    [Fact]
    public async Task Random_reports_get_the_predicted_answers_and_stored_figures_keep_their_rules()
    {
        var outcomes = new Dictionary<string, int>();
        await Ops.Array[1, 12].SampleAsync(async ops => await RunAsync(ops, outcomes), iter: Iterations, threads: 1);
        output.WriteLine(Describe(outcomes));

        // The generators must reach both sides of every rule, or the property says little.
        Assert.True(outcomes.GetValueOrDefault("ReportOp:OK") > 50, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("ReportOp:InvalidArgument") > 50, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("ReportOp:NotFound") > 0, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("ReportOp:corrected") > 5, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("RetryOp:OK") > 5, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("RetryOp:InvalidArgument") > 5, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("GetOp:OK") > 5, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("GetOp:NotFound") > 5, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("GetOp:InvalidArgument") > 5, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("ListOp:OK") > 10, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("ListOp:InvalidArgument") > 5, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("ListOp:paged") > 0, Describe(outcomes));
    }

    private async Task RunAsync(Op[] ops, Dictionary<string, int> outcomes)
    {
        var sample = new Sample();
        foreach (var op in ops)
        {
            switch (op)
            {
                case ReportOp r:
                    var report = r.Request.Clone();
                    if (report.RequestId == FreshId)
                    {
                        report.RequestId = Guid.NewGuid().ToString();
                        _freshIds.Add(report.RequestId);
                    }

                    await ReportAsync(op, report, sample, outcomes);
                    sample.Sent.Add(report);
                    break;
                case RetryOp r when sample.Sent.Count > 0:
                    var earlier = sample.Sent[r.Earlier % sample.Sent.Count];
                    var retry = earlier.Clone();
                    if (r.Altered)
                    {
                        retry.Unemployed1664 = retry.Unemployed1664 == int.MaxValue ? 0 : retry.Unemployed1664 + 1;
                    }

                    await ReportAsync(op, retry, sample, outcomes);
                    break;
                case GetOp g:
                    await GetAsync(g.Request, sample, outcomes);
                    break;
                case ListOp l:
                    await ListAsync(l, sample, outcomes);
                    break;
            }

            // Everything the sample has seen stored is still stored as it was, and keeps the rules.
            foreach (var ((municipality, month), figures) in sample.Stored)
            {
                Assert.Equal(figures, await TryGetAsync(municipality, month));
                AssertInvariants(figures);
            }
        }
    }

    private async Task ReportAsync(Op op, ReportMonthlyFiguresRequest request, Sample sample, Dictionary<string, int> outcomes)
    {
        var readable = IsMunicipalityCode(request.MunicipalityCode) && TryParseMonth(request.Month, out _);
        var before = readable ? await TryGetAsync(request.MunicipalityCode, request.Month) : null;

        StatusCode status;
        MonthlyFigures? answer = null;
        try
        {
            answer = (await _client.ReportMonthlyFiguresAsync(request)).Figures;
            status = StatusCode.OK;
        }
        catch (RpcException e)
        {
            Assert.True(PromisedRefusals.Contains(e.StatusCode), $"{request} answered {e.StatusCode}: {e.Status.Detail}");
            status = e.StatusCode;
        }

        var after = readable ? await TryGetAsync(request.MunicipalityCode, request.Month) : null;
        Count(outcomes, $"{op.GetType().Name}:{status}");

        var key = (request.MunicipalityCode, request.RequestId);
        var expected = Expect(request, sample, out var replayOf);
        var isNew = replayOf is null && _freshIds.Contains(request.RequestId);
        if (status != StatusCode.OK)
        {
            // An id the silo may know from an earlier sample may be refused as reused.
            var allowed = expected ?? (isNew || replayOf is not null ? StatusCode.OK : StatusCode.InvalidArgument);
            Assert.True(allowed == status, $"{request} answered {status}, expected {allowed}");
            Assert.Equal(before, after);
            return;
        }

        Assert.True(expected is null, $"{request} answered OK, expected {expected}");
        AssertInvariants(answer!);
        Assert.Equal(answer, after);
        Assert.Equal((request.MunicipalityCode, request.Month), (answer!.MunicipalityCode, answer.Month));

        if (replayOf is not null)
        {
            // A retry applies nothing: it returns the month as it stands (the first answer, unless corrected since).
            Assert.Equal(before, answer);
        }
        else if (isNew || !(before is not null && before.Equals(answer)))
        {
            // A new report (or a reused id the silo did not know): the figures as sent, a new revision if they changed.
            Assert.True(SameFigures(request, answer), $"{request} stored as {answer}");
            var unchanged = before is not null && SameFigures(request, before);
            Assert.Equal(before is null ? 1 : unchanged ? before.Revision : before.Revision + 1, answer.Revision);
            if (unchanged)
            {
                Assert.Equal(before, answer);
            }
            else if (before is not null)
            {
                Count(outcomes, $"{op.GetType().Name}:corrected");
            }
        }

        sample.Applied[key] = request;
        sample.Stored[(request.MunicipalityCode, request.Month)] = answer;
    }

    /// <summary>
    /// The refusal the rules call for, null for OK. <paramref name="replayOf"/> is the earlier request when the silo
    /// applied this id for the same content in this sample. An id the sample did not make ("a", "retry-1") the silo
    /// may know from an earlier sample: the caller allows INVALID_ARGUMENT for it where this predicts OK.
    /// </summary>
    private StatusCode? Expect(ReportMonthlyFiguresRequest request, Sample sample, out ReportMonthlyFiguresRequest? replayOf)
    {
        replayOf = null;
        if (!RequestIdPattern().IsMatch(request.RequestId)
            || !IsMunicipalityCode(request.MunicipalityCode)
            || !TryParseMonth(request.Month, out var month)
            || FiguresAreImpossible(request))
        {
            return StatusCode.InvalidArgument;
        }

        if (Geography.Sweden.FindMunicipality(request.MunicipalityCode) is null)
        {
            return StatusCode.NotFound;
        }

        if (sample.Applied.TryGetValue((request.MunicipalityCode, request.RequestId), out var earlier))
        {
            if (!SameContent(earlier, request))
            {
                return StatusCode.InvalidArgument;
            }

            replayOf = earlier;
            return null;
        }

        if (month > ThisMonth)
        {
            return StatusCode.InvalidArgument;
        }

        return null;
    }

    private static bool SameContent(ReportMonthlyFiguresRequest a, ReportMonthlyFiguresRequest b)
    {
        var x = a.Clone();
        var y = b.Clone();
        x.RequestId = y.RequestId = "";
        return x.Equals(y);
    }

    private async Task GetAsync(GetMonthlyFiguresRequest request, Sample sample, Dictionary<string, int> outcomes)
    {
        StatusCode status;
        MonthlyFigures? answer = null;
        try
        {
            answer = (await _client.GetMonthlyFiguresAsync(request)).Figures;
            status = StatusCode.OK;
        }
        catch (RpcException e)
        {
            Assert.True(PromisedRefusals.Contains(e.StatusCode), $"{request} answered {e.StatusCode}: {e.Status.Detail}");
            status = e.StatusCode;
        }

        Count(outcomes, $"GetOp:{status}");
        if (!IsMunicipalityCode(request.MunicipalityCode) || !TryParseMonth(request.Month, out _))
        {
            Assert.Equal(StatusCode.InvalidArgument, status);
        }
        else if (Geography.Sweden.FindMunicipality(request.MunicipalityCode) is null)
        {
            Assert.Equal(StatusCode.NotFound, status);
        }
        else if (sample.Stored.TryGetValue((request.MunicipalityCode, request.Month), out var stored))
        {
            Assert.Equal(stored, answer);
        }
        else if (status == StatusCode.OK)
        {
            AssertInvariants(answer!);
            Assert.Equal((request.MunicipalityCode, request.Month), (answer!.MunicipalityCode, answer.Month));
        }
        else
        {
            Assert.Equal(StatusCode.NotFound, status);
        }
    }

    private async Task ListAsync(ListOp op, Sample sample, Dictionary<string, int> outcomes)
    {
        var request = op.Request.Clone();
        var issued = op.Reuse >= 0 && sample.Tokens.Count > 0 ? sample.Tokens[op.Reuse % sample.Tokens.Count] : default;
        if (issued.Token is not null)
        {
            request.PageToken = issued.Token;
            if (op.Reuse % 2 == 0)
            {
                (request.MunicipalityCode, request.FromMonth, request.ToMonth) = (issued.Request.MunicipalityCode, issued.Request.FromMonth, issued.Request.ToMonth);
            }
        }

        StatusCode status;
        ListMonthlyFiguresResponse? answer = null;
        try
        {
            answer = await _client.ListMonthlyFiguresAsync(request);
            status = StatusCode.OK;
        }
        catch (RpcException e)
        {
            Assert.True(PromisedRefusals.Contains(e.StatusCode), $"{request} answered {e.StatusCode}: {e.Status.Detail}");
            status = e.StatusCode;
        }

        Count(outcomes, $"ListOp:{status}");
        var filter = FilterOf(request);
        DateOnly from = default, to = default;
        var bad = !IsMunicipalityCode(request.MunicipalityCode)
            || (request.FromMonth.Length > 0 && !TryParseMonth(request.FromMonth, out from))
            || (request.ToMonth.Length > 0 && !TryParseMonth(request.ToMonth, out to))
            || (request.FromMonth.Length > 0 && request.ToMonth.Length > 0 && to < from)
            || request.PageSize is < 0 or > 100
            || (request.PageToken.Length > 0 && (issued.Token is null || FilterOf(issued.Request) != filter));
        if (bad)
        {
            Assert.Equal(StatusCode.InvalidArgument, status);
            return;
        }

        if (Geography.Sweden.FindMunicipality(request.MunicipalityCode) is null)
        {
            Assert.Equal(StatusCode.NotFound, status);
            return;
        }

        Assert.Equal(StatusCode.OK, status);
        var pageSize = request.PageSize == 0 ? 50 : request.PageSize;
        Assert.InRange(answer!.Figures.Count, 0, pageSize);
        var months = answer.Figures.Select(f => f.Month).ToArray();
        Assert.Equal(months.OrderByDescending(m => m, StringComparer.Ordinal).Distinct(), months);
        foreach (var figures in answer.Figures)
        {
            AssertInvariants(figures);
            Assert.Equal(request.MunicipalityCode, figures.MunicipalityCode);
            Assert.True(request.FromMonth.Length == 0 || string.CompareOrdinal(figures.Month, request.FromMonth) >= 0, $"{figures.Month} before {request.FromMonth}");
            Assert.True(request.ToMonth.Length == 0 || string.CompareOrdinal(figures.Month, request.ToMonth) <= 0, $"{figures.Month} after {request.ToMonth}");
            Assert.True(issued.Token is null || string.CompareOrdinal(figures.Month, issued.LastMonth) < 0, $"{figures.Month} not after the page that ended at {issued.LastMonth}");
            if (sample.Stored.TryGetValue((figures.MunicipalityCode, figures.Month), out var stored))
            {
                Assert.Equal(stored, figures);
            }
        }

        if (answer.NextPageToken.Length > 0)
        {
            Assert.Equal(pageSize, answer.Figures.Count);
            sample.Tokens.Add((answer.NextPageToken, request, months[^1]));
            Count(outcomes, "ListOp:paged");
        }
    }

    private static string FilterOf(ListMonthlyFiguresRequest r) => $"{r.MunicipalityCode}/{r.FromMonth}/{r.ToMonth}";

    private async Task<MonthlyFigures?> TryGetAsync(string municipalityCode, string month)
    {
        try
        {
            return (await _client.GetMonthlyFiguresAsync(new GetMonthlyFiguresRequest { MunicipalityCode = municipalityCode, Month = month })).Figures;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    private static void AssertInvariants(MonthlyFigures f)
    {
        Assert.NotNull(Geography.Sweden.FindMunicipality(f.MunicipalityCode));
        Assert.True(TryParseMonth(f.Month, out var month) && month <= ThisMonth, $"month {f.Month}");
        Assert.InRange(f.Unemployed1664, 0, MaxPersons);
        Assert.InRange(f.Unemployed1824, 0, f.Unemployed1664);
        Assert.InRange(f.UnemployedNewcomers, 0, f.Unemployed1664);
        Assert.InRange(f.UnemployedOver12Months, 0, f.Unemployed1664);
        Assert.True(!f.HasUnemploymentRate || f.UnemploymentRate is >= 0 and <= 100, $"rate {f.UnemploymentRate}");
        Assert.True(f.Revision >= 1, $"revision {f.Revision}");
        Assert.NotNull(f.ReportedAt);
    }

    private static bool FiguresAreImpossible(ReportMonthlyFiguresRequest r)
    {
        bool Persons(int n) => n is >= 0 and <= MaxPersons;
        bool Part(int n) => Persons(n) && (!Persons(r.Unemployed1664) || n <= r.Unemployed1664);
        return !Persons(r.Unemployed1664) || !Part(r.Unemployed1824) || !Part(r.UnemployedNewcomers) || !Part(r.UnemployedOver12Months)
            || (r.HasUnemploymentRate && !(r.UnemploymentRate is >= 0 and <= 100));
    }

    /// <summary>The stored figures are the reported ones; rates compare as numbers (a stored -0 is the 0 sent later).</summary>
    private static bool SameFigures(ReportMonthlyFiguresRequest r, MonthlyFigures f) =>
        (r.Unemployed1664, r.Unemployed1824, r.UnemployedNewcomers, r.UnemployedOver12Months) == (f.Unemployed1664, f.Unemployed1824, f.UnemployedNewcomers, f.UnemployedOver12Months)
        && r.HasUnemploymentRate == f.HasUnemploymentRate
        && (!r.HasUnemploymentRate || r.UnemploymentRate == f.UnemploymentRate);

    private static bool IsMunicipalityCode(string code) => MunicipalityPattern().IsMatch(code);

    /// <summary>A well-formed month from 2000-01 to 2100-12, as the API accepts in requests.</summary>
    private static bool TryParseMonth(string text, out DateOnly month)
    {
        month = default;
        if (MonthPattern().Match(text) is not { Success: true } match)
        {
            return false;
        }

        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return false;
        }

        month = new DateOnly(year, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), 1);
        return month >= Earliest && month <= Latest;
    }

    private static DateOnly FirstOf(DateOnly day) => new(day.Year, day.Month, 1);

    private static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;

    private static string Text(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static void Count(Dictionary<string, int> outcomes, string key) => outcomes[key] = outcomes.GetValueOrDefault(key) + 1;

    private static string Describe(Dictionary<string, int> outcomes) =>
        string.Join(", ", outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
