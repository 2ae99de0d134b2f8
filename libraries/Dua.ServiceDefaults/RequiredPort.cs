using System.Net;

namespace Dua.ServiceDefaults;

/// <summary>A port a host listens on, with the setting that chose it (<c>Silo:GrpcPort</c>), so a clash names what to change.</summary>
public sealed record RequiredPort(string Setting, IPAddress Address, int Port);
