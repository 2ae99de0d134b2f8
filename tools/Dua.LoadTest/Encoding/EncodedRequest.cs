using Dua.Contracts.V1;
using Dua.ReferenceData;
using Google.Protobuf;
using Grpc.Health.V1;

namespace Dua.LoadTest.Encoding;

/// <summary>The requests the <c>encode</c> command can write, with the path h2load must post them to.</summary>
public static class EncodedRequest
{
    public const string RegionSummaryPath = "/dua.v1.StatisticsService/GetRegionSummary";
    public const string HealthCheckPath = "/grpc.health.v1.Health/Check";

    /// <exception cref="ArgumentException">The county code is not one SCB lists.</exception>
    public static (string Path, IMessage Message) RegionSummary(string regionCode) =>
        Geography.Sweden.FindCounty(regionCode) is null
            ? throw new ArgumentException($"'{regionCode}' is not an SCB county code (two digits, e.g. 21)")
            : (RegionSummaryPath, new GetRegionSummaryRequest { RegionCode = regionCode });

    /// <param name="service">The service to ask about; empty asks about the server as a whole.</param>
    public static (string Path, IMessage Message) HealthCheck(string service) => (HealthCheckPath, new HealthCheckRequest { Service = service });
}
