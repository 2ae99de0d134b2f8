using Dua.Grains.Abstractions;
namespace Dua.Grains;

/// <summary>
/// How long the many small grains of people and requests (participants, persons, create requests, roster
/// buckets) stay in memory unused. One is touched a few times over months; a million idle activations at 2-3 KB
/// each would cost gigabytes, while activating one again costs a single storage read.
/// </summary>
internal static class IdleActivations
{
    public const int Minutes = 2;
}
