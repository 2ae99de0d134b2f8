using System.Globalization;
using System.Text;
using Dua.Contracts.V1;
using Dua.ReferenceData;

namespace Dua.LoadTest.Planning;

/// <summary>What a plan holds, in Markdown, computed without calling anything (the <c>plan</c> command).</summary>
public static class PlanSummary
{
    public static string Render(DataSetPlan plan, long participants)
    {
        var md = new StringBuilder();
        var tracks = plan.Agreements.SelectMany(a => a.JobTracks).ToArray();
        md.AppendLine(Invariant($"# Data set {plan.Ids.DataSet}")).AppendLine();
        var youth = plan.Agreements.Count(a => a.Kind == AgreementKind.Youth);
        var occupations = tracks.Select(t => t.Spec.OccupationCode).Distinct().Count();
        md.AppendLine(Invariant(
            $"As of {DataSetPlan.Iso(plan.AsOf)}: {plan.Municipalities.Count} municipalities, {plan.Agreements.Count} agreements ({youth} youth, {plan.Agreements.Count - youth} newcomers), {tracks.Length} job tracks in {occupations} occupations, places {tracks.Min(t => t.Spec.Places):N0}-{tracks.Max(t => t.Spec.Places):N0}, {plan.Municipalities.Count * plan.FigureMonths.Count:N0} monthly figures ({plan.FigureMonths[0]:yyyy-MM} to {plan.FigureMonths[^1]:yyyy-MM})."));

        var byCounty = new Dictionary<string, long>(StringComparer.Ordinal);
        var byState = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var newcomers = 0L;
        for (var i = 0L; i < participants; i++)
        {
            var p = plan.Participant(i);
            var county = p.Agreement.Municipality.CountyCode;
            byCounty[county] = byCounty.GetValueOrDefault(county) + 1;
            var state = p.Exited ? $"exited {p.Steps[^1].Outcome}" : $"active in module {p.CurrentModule}";
            byState[state] = byState.GetValueOrDefault(state) + 1;
            newcomers += p.Agreement.Kind == AgreementKind.Newcomers ? 1 : 0;
        }

        md.AppendLine().AppendLine(Invariant($"{participants:N0} participants, {newcomers:N0} of them newcomers, {participants - newcomers:N0} young people.")).AppendLine();
        md.AppendLine("| state at the as-of date | participants |").AppendLine("|---|---:|");
        foreach (var (state, count) in byState)
        {
            md.AppendLine(Invariant($"| {state} | {count:N0} |"));
        }

        md.AppendLine().AppendLine("| county | municipalities | participants |").AppendLine("|---|---:|---:|");
        foreach (var county in Geography.Sweden.Counties)
        {
            md.AppendLine(Invariant($"| {county.Code} {county.Name} | {Geography.Sweden.MunicipalitiesIn(county.Code).Count} | {byCounty.GetValueOrDefault(county.Code):N0} |"));
        }

        return md.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
