namespace Dua.ServiceDefaults.Tests;

/// <summary>Tests that read what a host writes to standard error, which is one per process: run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
