namespace Dua.Benchmarks.Growth;

/// <summary>
/// The silo's memory at one size, in bytes: resident memory after a pause, and after a full garbage collection
/// induced from outside, with the managed heap that collection left (null where it could not be induced).
/// </summary>
public sealed record MemoryFigures(long ResidentSettled, long? ResidentAfterGc, long? HeapAfterGc);
