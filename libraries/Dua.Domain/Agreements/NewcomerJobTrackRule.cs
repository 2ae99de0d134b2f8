namespace Dua.Domain.Agreements;

/// <summary>
/// A NEWCOMERS agreement is signed with, and while signed keeps, three open job tracks with an employer. Closed and
/// preparatory tracks take no one into a job, so they do not count.
/// </summary>
public static class NewcomerJobTrackRule
{
    public const string Rule = "newcomers-need-three-job-tracks";

    /// <summary>How many open job tracks with an employer a NEWCOMERS agreement needs.</summary>
    public const int Required = 3;

    /// <param name="when">When the rule applies, for the message ("to be signed").</param>
    public static void Require(AgreementSnapshot agreement, string when)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (agreement.Kind != AgreementKind.Newcomers)
        {
            return;
        }

        var withEmployer = agreement.JobTracks.Count(t => !t.IsPreparatory && t.Open);
        if (withEmployer < Required)
        {
            throw DomainRuleException.Precondition(Rule,
                $"A NEWCOMERS agreement needs at least {Required} open local job tracks with an employer {when}; " +
                $"{agreement.Id} has {withEmployer}" +
                (agreement.JobTracks.Length > withEmployer ? $" (of {agreement.JobTracks.Length} tracks in all)." : "."));
        }
    }

    /// <summary>A change to a signed agreement's job tracks must keep it within the rule.</summary>
    public static void RequireWhileSigned(AgreementSnapshot changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        if (changed.Status == AgreementStatus.Signed)
        {
            Require(changed, "while it is signed (after this change)");
        }
    }
}
