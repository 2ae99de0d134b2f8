using Microsoft.Extensions.Primitives;

namespace Dua.Gateway.Discovery;

/// <summary>The live silos at one moment, and a token that fires once that set has changed.</summary>
public sealed record SiloDirectorySnapshot(IReadOnlyList<SiloEndpoint> Silos, IChangeToken ChangeToken);
