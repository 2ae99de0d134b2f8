using Stored = Dua.Grains;
using DomainAgreements = Dua.Domain.Agreements;
using DomainParticipants = Dua.Domain.Participants;

namespace Dua.Grains.Tests;

/// <summary>
/// The enums the grains store convert to the domain's by number (<see cref="Statistics.StatisticsFacts"/>): each
/// number must name the same value on both sides, and neither side may have a value the other lacks.
/// </summary>
public sealed class StoredEnumsTests
{
    [Fact]
    public void Agreement_kinds_and_statuses_have_the_domain_s_numbers()
    {
        AssertSameNumbers<Stored.Agreements.AgreementKind, DomainAgreements.AgreementKind>();
        AssertSameNumbers<Stored.Agreements.AgreementStatus, DomainAgreements.AgreementStatus>();
    }

    [Fact]
    public void Participant_statuses_and_exit_outcomes_have_the_domain_s_numbers()
    {
        AssertSameNumbers<Stored.Participants.ParticipantStatus, DomainParticipants.ParticipantStatus>();
        AssertSameNumbers<Stored.Participants.ExitOutcome, DomainParticipants.ExitOutcome>();
    }

    private static void AssertSameNumbers<TStored, TDomain>()
        where TStored : struct, Enum
        where TDomain : struct, Enum
    {
        var stored = Enum.GetValues<TStored>().ToDictionary(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture), v => v.ToString());
        var domain = Enum.GetValues<TDomain>().ToDictionary(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture), v => v.ToString());
        Assert.Equal(stored.OrderBy(p => p.Key), domain.OrderBy(p => p.Key));
    }
}
