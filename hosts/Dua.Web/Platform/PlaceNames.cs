using System.Collections.Concurrent;
using Dua.Contracts.V1;

namespace Dua.Web.Platform;

/// <summary>
/// The names of counties and municipalities, read once from the gateway's reference data (public facts, the same
/// for everyone) and kept for the life of the process.
/// </summary>
public sealed class PlaceNames
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);
    private volatile bool _loaded;

    public async Task LoadAsync(PlatformClient platform, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (_loaded)
        {
            return;
        }

        foreach (var region in await platform.ListRegionsAsync(cancellation))
        {
            _names[region.RegionCode] = region.Name;
        }

        foreach (Municipality municipality in await platform.ListMunicipalitiesAsync("", cancellation))
        {
            _names[municipality.MunicipalityCode] = municipality.Name;
        }

        _loaded = true;
    }

    /// <summary>"Gävleborgs län", "Hudiksvall", "hela landet" for SE; the code itself when unknown.</summary>
    public string Of(string code) =>
        code == "SE" ? "hela landet" : _names.TryGetValue(code, out var name) ? name : code;
}
