using System.Collections.Immutable;
using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;

namespace Dua.Domain.Tests;

/// <summary>Agreements and job tracks for the domain's rules, built through the domain itself.</summary>
internal static class AgreementSamples
{
    public const string Id = "21-0123456789abcdef";

    public static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly ValidityPeriod Validity = new(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31));

    public static AgreementTerms Terms(params FocusArea[] focusAreas) => new(
        "Arbetsförmedlingen Hudiksvall",
        [new Signatory("Anna Berg", "Kommunstyrelsens ordförande", Party.Municipality)],
        [TargetGroup.Newcomers],
        [.. focusAreas],
        [new Goal("Nyanlända i arbete", 31.5, 45, new DateOnly(2027, 12, 31), "percent")]);

    public static AgreementSnapshot Draft(AgreementKind kind = AgreementKind.Newcomers) =>
        AgreementLifecycle.Create(Id, new AgreementDraft(kind, ["2184"], "21", Terms()), Now);

    public static JobTrackSpec Track(string name = "Undersköterska", int places = 2, bool withEmployer = true) => new(
        name, "5321", withEmployer ? [new Employer("Hudiksvalls sjukhus", "232100-0040")] : ImmutableArray<Employer>.Empty, "SFI D", [],
        [new JobTrackComponent(JobTrackComponentKind.Internship, 12)], LengthWeeks: 20, Places: places);

    /// <summary>A draft with <paramref name="tracks"/> job tracks with an employer, "t1", "t2", ...</summary>
    public static AgreementSnapshot WithTracks(this AgreementSnapshot agreement, int tracks, int places = 2)
    {
        for (var i = 1; i <= tracks; i++)
        {
            agreement = agreement.AddJobTrack(JobTrackIdFormat.Of(agreement.JobTracks.Length + 1), Track($"Spår {i}", places), $"req-track-{i}", Now);
        }

        return agreement;
    }

    /// <summary>A NEWCOMERS agreement signed with three tracks of two places each.</summary>
    public static AgreementSnapshot Signed() => Draft().WithTracks(3).Sign(Validity, predecessorId: null, Now);

    public static DomainRuleException Refusal(Action action, DomainRuleKind kind, string subject)
    {
        var refused = Assert.Throws<DomainRuleException>(action);
        Assert.Equal((kind, subject), (refused.Kind, refused.Subject));
        return refused;
    }
}
