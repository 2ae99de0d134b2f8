using Dua.Domain;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Tests;

/// <summary>Assertions on what a grain refuses, and how the refusal names the rule, entity or field.</summary>
internal static class Refusals
{
    /// <summary>A refusal by the domain's rules, naming the rule, entity or field in domain terms.</summary>
    public static async Task RefusedAsync(Func<Task> call, DomainRuleKind kind, string subject)
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(call);
        Assert.Equal((kind, subject), (refused.Kind, refused.Subject));
    }
}
