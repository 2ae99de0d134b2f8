using DomainAgreements = Dua.Domain.Agreements;
using DomainParticipants = Dua.Domain.Participants;
using V1 = Dua.Contracts.V1;

namespace Dua.Silo.Tests;

/// <summary>
/// The summaries map the domain's enums to the contract's by number (<see cref="Statistics.SummaryMapping"/>): each
/// number must name the same value on both sides, and the domain may have no value the contract lacks.
/// </summary>
public sealed class ContractEnumsTests
{
    [Fact]
    public void The_domain_s_agreement_kinds_and_statuses_have_the_contract_s_numbers()
    {
        AssertSameNumbers<DomainAgreements.AgreementKind, V1.AgreementKind>();
        AssertSameNumbers<DomainAgreements.AgreementStatus, V1.AgreementStatus>();
    }

    [Fact]
    public void The_domain_s_participant_statuses_and_exit_outcomes_have_the_contract_s_numbers()
    {
        AssertSameNumbers<DomainParticipants.ParticipantStatus, V1.ParticipantStatus>();
        AssertSameNumbers<DomainParticipants.ExitOutcome, V1.ExitOutcome>();
    }

    private static void AssertSameNumbers<TDomain, TContract>()
        where TDomain : struct, Enum
        where TContract : struct, Enum
    {
        var contract = Enum.GetValues<TContract>().ToDictionary(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture), v => v.ToString());
        foreach (var value in Enum.GetValues<TDomain>())
        {
            var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(contract.TryGetValue(number, out var name), $"{typeof(TContract).Name} has no value {number} for {value}");
            Assert.Equal(value.ToString(), name);
        }

        Assert.Equal(contract.Count, Enum.GetValues<TDomain>().Length);
    }
}
