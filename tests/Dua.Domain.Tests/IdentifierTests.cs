using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;
using Dua.Domain.Participants;

namespace Dua.Domain.Tests;

/// <summary>The ids of agreements, job tracks and participants, and the roster participants are listed by.</summary>
public sealed class IdentifierTests
{
    [Fact]
    public void An_agreement_id_is_the_county_and_16_hex_digits_derived_from_the_creating_request()
    {
        var id = AgreementIdFormat.New("21", "create-1");

        Assert.Matches("^21-[0-9a-f]{16}$", id);
        Assert.Equal(id, AgreementIdFormat.New("21", "create-1"));
        Assert.NotEqual(id, AgreementIdFormat.New("21", "create-2"));
        Assert.Equal(id[3..], AgreementIdFormat.New("04", "create-1")[3..]);
        Assert.Equal("21", AgreementIdFormat.CountyOf(id));
        Assert.True(AgreementIdFormat.IsWellFormed(id));
        Assert.True(AgreementIdFormat.IsWellFormed(AgreementIdFormat.Example));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("21-XYZ")]
    [InlineData("2184-abc")]
    [InlineData("21-0123456789ABCDEF")]
    [InlineData("21-0123456789abcdef0")]
    public void Malformed_agreement_ids_are_not_ids(string? id) => Assert.False(AgreementIdFormat.IsWellFormed(id));

    [Fact]
    public void A_participant_id_is_its_agreement_s_and_its_number_of_at_least_six_digits()
    {
        Assert.Equal("21-0123456789abcdef-p000042", ParticipantIdFormat.Of("21-0123456789abcdef", 42));
        Assert.Equal("21-0123456789abcdef-p1234567", ParticipantIdFormat.Of("21-0123456789abcdef", 1_234_567));
        Assert.Equal(1_234_567, ParticipantIdFormat.NumberOf("21-0123456789abcdef-p1234567"));
        Assert.Equal("21-0123456789abcdef", ParticipantIdFormat.AgreementOf("21-0123456789abcdef-p1234567"));
        Assert.True(ParticipantIdFormat.IsWellFormed(ParticipantIdFormat.Example));
        Assert.False(ParticipantIdFormat.IsWellFormed("21-0123456789abcdef-p42"));
        Assert.False(ParticipantIdFormat.IsWellFormed("21-0123456789abcdef"));
    }

    [Fact]
    public void The_roster_is_the_numbers_up_to_the_admission_count()
    {
        const string agreement = "21-0123456789abcdef";
        Assert.Equal(["21-0123456789abcdef-p000001", "21-0123456789abcdef-p000002", "21-0123456789abcdef-p000003"], ParticipantRoster.IdsAfter(agreement, 3, null));
        Assert.Equal(["21-0123456789abcdef-p000003"], ParticipantRoster.IdsAfter(agreement, 3, ParticipantIdFormat.Of(agreement, 2)));
        Assert.Empty(ParticipantRoster.IdsAfter(agreement, 3, ParticipantIdFormat.Of(agreement, 3)));
        Assert.Empty(ParticipantRoster.IdsAfter(agreement, 0, null));
        Assert.Equal("21-0123456789abcdef-p1000000", ParticipantRoster.IdsAfter(agreement, 1_000_000, ParticipantIdFormat.Of(agreement, 999_999)).Single());
    }

    [Fact]
    public void Job_track_ids_count_from_t1()
    {
        Assert.Equal(["t1", "t12"], new[] { JobTrackIdFormat.Of(1), JobTrackIdFormat.Of(12) });
        Assert.True(JobTrackIdFormat.IsWellFormed("t123456"));
        Assert.False(JobTrackIdFormat.IsWellFormed("t1234567"));
        Assert.False(JobTrackIdFormat.IsWellFormed("T1"));
    }
}
