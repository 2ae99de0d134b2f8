namespace Dua.Migrations.Tests.Grains;

[GenerateSerializer, Alias("dua.tests.counter-state")]
public sealed class CounterState
{
    [Id(0)]
    public int Value { get; set; }
}
