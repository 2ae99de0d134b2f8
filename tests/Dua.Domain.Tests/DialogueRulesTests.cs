using Dua.Domain.Dialogues;

namespace Dua.Domain.Tests;

/// <summary>Whom a dialogue may invite, what its outcome may name, and from when.</summary>
public sealed class DialogueRulesTests
{
    private static readonly DateOnly HeldOn = new(2026, 5, 4);

    [Fact]
    public void A_dialogue_invites_at_least_one_municipality_of_its_own_county()
    {
        Assert.Equal(["list"], DialogueRules.InvitationViolations("list", "21", []).Select(v => v.Field));
        Assert.Empty(DialogueRules.InvitationViolations("list", "21", ["2184", "2180"]));

        var refused = Assert.Throws<DomainRuleException>(() => DialogueRules.RequireInvitable("07", ["0780", "2184"]));
        Assert.Equal((DomainRuleKind.InvalidValue, $"{DialogueRules.InvitedMunicipalities}[1]"), (refused.Kind, refused.Subject));
    }

    [Fact]
    public void An_outcome_names_invited_municipalities_only_and_none_twice()
    {
        DialogueRules.RequireOutcome("12-d1", ["1280", "1281"], []);
        DialogueRules.RequireOutcome("12-d1", ["1280", "1281"], ["1281"]);

        var uninvited = Assert.Throws<DomainRuleException>(() => DialogueRules.RequireOutcome("12-d1", ["1280", "1281"], ["1280", "1282"]));
        Assert.Equal((DomainRuleKind.InvalidValue, $"{DialogueRules.OutcomeMunicipalities}[1]"), (uninvited.Kind, uninvited.Subject));
        Assert.Contains("12-d1", uninvited.Message);
        var repeated = Assert.Throws<DomainRuleException>(() => DialogueRules.RequireOutcome("12-d1", ["1280", "1281"], ["1280", "1280"]));
        Assert.Equal(DialogueRules.OutcomeMunicipalities, repeated.Subject);
    }

    [Fact]
    public void The_outcome_is_recorded_from_the_day_the_dialogue_is_held()
    {
        DialogueRules.RequireHeld("21-d1", HeldOn, today: HeldOn);
        DialogueRules.RequireHeld("21-d1", HeldOn, today: HeldOn.AddDays(30));

        var early = Assert.Throws<DomainRuleException>(() => DialogueRules.RequireHeld("21-d1", HeldOn, today: HeldOn.AddDays(-1)));
        Assert.Equal((DomainRuleKind.Precondition, DialogueRules.NotHeldYet), (early.Kind, early.Subject));
    }

    [Fact]
    public void The_outcome_already_recorded_is_no_change()
    {
        Assert.True(DialogueRules.IsRecorded(["1280", "1281"], ["1280", "1281"]));
        Assert.False(DialogueRules.IsRecorded(["1280", "1281"], ["1281", "1280"]));
        Assert.False(DialogueRules.IsRecorded(null, []));
        Assert.True(DialogueRules.IsRecorded([], []));
    }

    [Theory]
    [InlineData("21-d1", "21", 1)]
    [InlineData("04-d999999", "04", 999_999)]
    public void Dialogue_ids_name_their_county_and_number(string id, string county, int number)
    {
        Assert.True(DialogueId.TryParse(id, out var parsedCounty, out var parsedNumber));
        Assert.Equal((county, number), (parsedCounty, parsedNumber));
        Assert.Equal(id, DialogueId.Format(county, number));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("21-d0")]
    [InlineData("21-d01")]
    [InlineData("2-d1")]
    [InlineData("21d1")]
    [InlineData("21-d1000000")]
    public void Anything_else_is_no_dialogue_id(string? id) => Assert.False(DialogueId.TryParse(id, out _, out _));
}
