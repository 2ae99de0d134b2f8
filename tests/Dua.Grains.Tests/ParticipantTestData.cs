using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;
using Dua.Domain.Participants;
using Dua.Domain.Requests;
using Dua.Grains.Agreements;
using Dua.Grains.Participants;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;
using Dua.Grains.Abstractions.Participants;

namespace Dua.Grains.Tests;

/// <summary>
/// People, enrolments and steps for the participant tests. Grains see a person only as a pseudonym, so a fresh
/// person is a fresh 64-hex-digit string; every id is fresh, as the cluster is shared.
/// </summary>
internal static class ParticipantTestData
{
    /// <summary>The dates of a process's steps, in order and all in the past.</summary>
    public static readonly DateOnly Day1 = new(2026, 2, 2);
    public static readonly DateOnly Day2 = new(2026, 3, 2);
    public static readonly DateOnly Day3 = new(2026, 4, 1);
    public static readonly DateOnly Day4 = new(2026, 5, 4);
    public static readonly DateOnly Day5 = new(2026, 6, 1);

    /// <summary>A person no other test knows, as the edge would pseudonymise them.</summary>
    public static string NewPerson() => Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");

    public static Enrolment Enrolment(string agreementId, string pseudonym, DateOnly? enrolledOn = null) =>
        new(agreementId, pseudonym, AgeBand.From20To24, [TargetGroup.Youth], enrolledOn ?? Day1);

    public static ProgressStep JobPreparation(DateOnly on) => new(ParticipantEventKind.JobPreparationStarted, on);

    public static ProgressStep Path(PathChoice choice, DateOnly on) => new(ParticipantEventKind.PathChosen, on, PathChoice: choice);

    public static ProgressStep JobTrack(string jobTrackId, DateOnly on) => new(ParticipantEventKind.JobTrackStarted, on, JobTrackId: jobTrackId);

    public static ProgressStep Exit(ExitOutcome outcome, DateOnly on) => new(ParticipantEventKind.Exited, on, Outcome: outcome);

    /// <summary>A job track with an employer and the given number of places.</summary>
    public static JobTrackSpec TrackWithPlaces(string name, int places) => AgreementTestData.TrackWithEmployer(name) with { Places = places };
}
