using Dua.Grains.Abstractions;
namespace Dua.Grains;

/// <summary>Refuses data registered under another entity's key, which would otherwise be stored silently.</summary>
internal static class KeyGuard
{
    public static void EnsureMatches(string actualKey, string expectedKey)
    {
        if (!string.Equals(actualKey, expectedKey, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Grain '{actualKey}' cannot hold data for '{expectedKey}'.");
        }
    }
}
