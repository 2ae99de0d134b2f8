using Dua.Contracts.V1;

namespace Dua.LoadTest.Planning;

/// <summary>One agreement of the data set: its municipality, kind, terms and job tracks, and how to ask for it.</summary>
public sealed record AgreementPlan(
    SizedMunicipality Municipality,
    AgreementKind Kind,
    string RequestId,
    CreateAgreementRequest Create,
    IReadOnlyList<JobTrackPlan> JobTracks,
    DateOnly ValidFrom,
    DateOnly ValidTo)
{
    /// <summary>Key within the plan, e.g. "2184-newcomers".</summary>
    public string Key => $"{Municipality.Code}-{KindName(Kind)}";

    public static string KindName(AgreementKind kind) => kind == AgreementKind.Newcomers ? "newcomers" : "youth";
}

/// <summary>A job track of a planned agreement; <see cref="Number"/> is its place in the order it is added (1-based).</summary>
public sealed record JobTrackPlan(int Number, string RequestId, JobTrackSpec Spec);
