namespace Dua.Web.BrowserTests;

/// <summary>Where a test runs in its class's story (see <see cref="StepOrderer"/>): lower steps first.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StepAttribute(int number) : Attribute
{
    public int Number { get; } = number;
}
