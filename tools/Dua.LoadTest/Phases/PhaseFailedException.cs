namespace Dua.LoadTest.Phases;

/// <summary>A phase cannot go on (the target is unreachable, say); the report says why and the run moves on.</summary>
public sealed class PhaseFailedException(string message) : Exception(message);
