using System.ComponentModel.DataAnnotations;
using System.Net;
using Dua.ServiceDefaults;
using Dua.ServiceDefaults.Tls;

namespace Dua.Silo.Hosting;

/// <summary>
/// How one silo process is wired: identity in the cluster, its ports and which providers hold its state.
/// Bound from the <c>Silo</c> section; every key can be set by environment variable (<c>Silo__GrpcPort=5102</c>).
/// </summary>
public sealed class SiloHostOptions : IValidatableObject
{
    public const string SectionName = "Silo";

    public const string TlsSection = "Silo:Tls";

    /// <summary>Silos with the same cluster id form one cluster.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_-]{1,100}$")]
    public string ClusterId { get; set; } = "dua";

    /// <summary>Stable across deployments: grain state is stored under it.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_-]{1,100}$")]
    public string ServiceId { get; set; } = "dua-platform";

    /// <summary>
    /// The address servers bind to; loopback unless deliberately opened, and off loopback only with TLS
    /// (<see cref="Tls"/>). <c>0.0.0.0</c> binds every interface and then needs <see cref="AdvertisedAddress"/>.
    /// </summary>
    [Required]
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// The address the other silos, Orleans clients and the gateway reach this silo at: advertised in Orleans'
    /// membership table and in <c>dua_silo_endpoints</c>. Defaults to <see cref="ListenAddress"/>.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// TLS for every endpoint of the silo (gRPC, HTTP, silo-to-silo and Orleans clients, mutually authenticated):
    /// required off loopback. Its CA signs the other silos' and Orleans clients' certificates.
    /// </summary>
    public TlsSettings Tls { get; set; } = new();

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// The port Orleans clients (operations tools, the growth benchmark) connect to. Orleans calls it the silo's
    /// gateway port; it has nothing to do with the platform's gateway. Formerly <c>Silo:GatewayPort</c>, still read.
    /// </summary>
    [Range(1, 65535)]
    public int OrleansClientPort { get; set; } = 30000;

    /// <summary>HTTP/2-only cleartext endpoint serving gRPC and the <c>/healthz</c> probe.</summary>
    [Range(1, 65535)]
    public int GrpcPort { get; set; } = 5101;

    /// <summary>HTTP/1.1 endpoint for health probes, and later JSON and dashboards.</summary>
    [Range(1, 65535)]
    public int HttpPort { get; set; } = 5201;

    public ClusteringMode Clustering { get; set; } = ClusteringMode.PostgreSql;

    public StorageMode Storage { get; set; } = StorageMode.PostgreSql;

    /// <summary>Region keeps each county's grains on one silo; Default is Orleans' own placement, for comparison.</summary>
    public PlacementMode Placement { get; set; } = PlacementMode.Region;

    /// <summary>Whether this silo loads the shipped counties and municipalities into their grains at start-up.</summary>
    public bool SeedReferenceData { get; set; } = true;

    /// <summary>
    /// On a graceful stop, how long the silo keeps serving after it has withdrawn its endpoint, so the gateway
    /// (polling every 2 s by default) stops sending calls before the silo closes its port.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan DrainDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// After the drain, how long Orleans' graceful leave (deactivating grains, updating the membership table) may take
    /// before the silo stops without it; the cluster then declares it dead, as after a crash. A stop takes at most
    /// <see cref="DrainDelay"/> + this, also when the database is gone.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan LeaveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The PostgreSQL connection string (<c>ConnectionStrings:Dua</c>), copied here by the binder.</summary>
    public string? ConnectionString { get; set; }

    public IPAddress ListenIPAddress() => IPAddress.Parse(ListenAddress);

    public IPAddress AdvertisedIPAddress() => IPAddress.Parse(string.IsNullOrWhiteSpace(AdvertisedAddress) ? ListenAddress : AdvertisedAddress);

    /// <summary>Every port the silo listens on, named by its setting: Orleans' two, then gRPC and HTTP.</summary>
    public IEnumerable<RequiredPort> RequiredPorts() =>
    [
        new($"{SectionName}:{nameof(SiloPort)}", ListenIPAddress(), SiloPort),
        new($"{SectionName}:{nameof(OrleansClientPort)}", ListenIPAddress(), OrleansClientPort),
        new($"{SectionName}:{nameof(GrpcPort)}", ListenIPAddress(), GrpcPort),
        new($"{SectionName}:{nameof(HttpPort)}", ListenIPAddress(), HttpPort),
    ];

    /// <summary>This silo's name in the membership table and in the <c>dua-served-by</c> response header.</summary>
    public string SiloName => $"dua-silo-{GrpcPort}";

    /// <summary>The URL the gateway reaches this silo's gRPC endpoint at.</summary>
    /// <remarks>Never throws: the data-annotations validator reads every property, before the addresses are vouched for.</remarks>
    public string GrpcEndpoint => $"{(Tls.Enabled ? "https" : "http")}://{HostOf(string.IsNullOrWhiteSpace(AdvertisedAddress) ? ListenAddress : AdvertisedAddress)}:{GrpcPort}";

    private static string HostOf(string address) =>
        IPAddress.TryParse(address, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]" : address;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(ListenAddress, out _))
        {
            yield return new ValidationResult($"Silo:ListenAddress '{ListenAddress}' is not an IP address.", [nameof(ListenAddress)]);
        }
        else if (ListenAddresses.PlaintextProblem("Silo:ListenAddress", ListenAddress, TlsSection) is { } plaintext && !Tls.Enabled)
        {
            yield return new ValidationResult(plaintext, [nameof(ListenAddress)]);
        }

        if (!string.IsNullOrWhiteSpace(AdvertisedAddress) && !IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return new ValidationResult($"Silo:AdvertisedAddress '{AdvertisedAddress}' is not an IP address.", [nameof(AdvertisedAddress)]);
        }
        else if (string.IsNullOrWhiteSpace(AdvertisedAddress) && IPAddress.TryParse(ListenAddress, out var listen)
                 && (listen.Equals(IPAddress.Any) || listen.Equals(IPAddress.IPv6Any)))
        {
            yield return new ValidationResult(
                $"Silo:AdvertisedAddress (env Silo__AdvertisedAddress) is required when Silo:ListenAddress is {ListenAddress}: the address the other silos and the gateway reach this silo at.",
                [nameof(AdvertisedAddress)]);
        }

        // A silo with TLS authenticates its peers mutually, so it needs the CA that signs them.
        foreach (var problem in Tls.Problems(TlsSection, requireCertificate: false, requireCa: Tls.Enabled, DateTimeOffset.UtcNow))
        {
            yield return new ValidationResult(problem, [nameof(Tls)]);
        }

        var ports = new[] { SiloPort, OrleansClientPort, GrpcPort, HttpPort };
        if (ports.Distinct().Count() != ports.Length)
        {
            yield return new ValidationResult(
                $"Silo:SiloPort, Silo:OrleansClientPort, Silo:GrpcPort and Silo:HttpPort must differ (got {string.Join(", ", ports)}).",
                [nameof(SiloPort), nameof(OrleansClientPort), nameof(GrpcPort), nameof(HttpPort)]);
        }

        var needsDatabase = Clustering == ClusteringMode.PostgreSql || Storage == StorageMode.PostgreSql;
        if (needsDatabase && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "ConnectionStrings:Dua (env ConnectionStrings__Dua) is required when clustering or storage is PostgreSql.",
                [nameof(ConnectionString)]);
        }
    }
}
