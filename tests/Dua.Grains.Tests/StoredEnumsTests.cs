using Dua.Domain.Agreements;
using Dua.Domain.Participants;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Tests;

/// <summary>
/// The grains store the domain's enums by number (the codecs in the grain abstractions): each number must keep
/// naming the value it named when the state was written, and no value may be added without a number of its own.
/// </summary>
public sealed class StoredEnumsTests
{
    [Fact]
    public void Agreement_kinds_and_statuses_keep_their_stored_numbers()
    {
        AssertStoredNumbers<AgreementKind>("Unspecified", "Youth", "Newcomers", "Collaboration");
        AssertStoredNumbers<AgreementStatus>("Unspecified", "Draft", "Signed", "Ended");
    }

    [Fact]
    public void Participant_statuses_and_exit_outcomes_keep_their_stored_numbers()
    {
        AssertStoredNumbers<ParticipantStatus>("Unspecified", "Active", "Exited");
        AssertStoredNumbers<ExitOutcome>("Unspecified", "Employment", "SubsidisedEmployment", "RegularStudies", "Other", "Unknown");
    }

    /// <param name="stored">The values' names in the order of their stored numbers, 0, 1, 2, ...</param>
    private static void AssertStoredNumbers<TDomain>(params string[] stored)
        where TDomain : struct, Enum
    {
        var domain = Enum.GetValues<TDomain>().ToDictionary(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture), v => v.ToString());
        Assert.Equal(stored.Select((name, number) => KeyValuePair.Create(number, name)), domain.OrderBy(p => p.Key));
    }
}
