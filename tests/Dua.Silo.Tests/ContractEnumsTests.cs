using DomainAgreements = Dua.Domain.Agreements;
using DomainJobTracks = Dua.Domain.JobTracks;
using DomainParticipants = Dua.Domain.Participants;
using V1 = Dua.Contracts.V1;

namespace Dua.Silo.Tests;

/// <summary>
/// The edge maps the domain's enums to the contract's by number (<see cref="Statistics.SummaryMapping"/>,
/// <see cref="Api.AgreementMapping"/>, <see cref="Api.ParticipantMapping"/>, and the load generator's age bands): each
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

    [Fact]
    public void The_domain_s_agreement_terms_and_job_track_enums_have_the_contract_s_numbers()
    {
        AssertSameNumbers<DomainAgreements.EndReason, V1.EndReason>();
        AssertSameNumbers<DomainAgreements.TargetGroup, V1.TargetGroup>();
        AssertSameNumbers<DomainAgreements.FocusArea, V1.FocusArea>();
        AssertSameNumbers<DomainAgreements.Party, V1.Party>();
        AssertSameNumbers<DomainJobTracks.JobTrackComponentKind, V1.JobTrackComponentKind>();
    }

    [Fact]
    public void The_domain_s_path_choices_and_participant_events_have_the_contract_s_numbers()
    {
        AssertSameNumbers<DomainParticipants.PathChoice, V1.PathChoice>();
        AssertSameNumbers<DomainParticipants.ParticipantEventKind, V1.ParticipantEventKind>();
    }

    [Fact]
    public void The_domain_s_age_bands_have_the_contract_s_numbers()
    {
        // The contract names a band by its ages (AGE_BAND_16_19, "_1619" in C#), the domain in words.
        Assert.Equal(
            Enum.GetValues<V1.AgeBand>().Select(b => ((int)b, b.ToString().TrimStart('_'))),
            Enum.GetValues<DomainParticipants.AgeBand>().Select(b => ((int)b, b.ToString().Replace("From", "", StringComparison.Ordinal).Replace("To", "", StringComparison.Ordinal))));
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
