using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Dua.ServiceDefaults.Observability;

/// <summary>
/// Where a host's telemetry goes, from the <c>Observability</c> section. Traces leave the process only when an OTLP
/// endpoint is configured (the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>
/// <c>grpc</c> or <c>http/protobuf</c>); metrics are always served at <see cref="ServiceDefaultsExtensions.MetricsPath"/>.
/// </summary>
public sealed class ObservabilityOptions : IValidatableObject
{
    public const string SectionName = "Observability";

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.0.5.0/24</c>) whose callers may read <c>/metrics</c> besides loopback:
    /// the Prometheus servers'. Empty by default.
    /// </summary>
    public List<string> MetricsAllowedNetworks { get; set; } = [];

    /// <summary>The share of traces kept (head sampling on the root, followed by every downstream process), 0 to 1.</summary>
    [Range(0.0, 1.0)]
    public double TraceSampleRatio { get; set; } = 1.0;

    public IReadOnlyList<IPNetwork> AllowedNetworks() => MetricsAllowedNetworks.Select(IPNetwork.Parse).ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var network in MetricsAllowedNetworks)
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                yield return new ValidationResult(
                    $"{SectionName}:{nameof(MetricsAllowedNetworks)}: '{network}' is not a network in CIDR notation (such as 10.0.5.0/24).",
                    [nameof(MetricsAllowedNetworks)]);
            }
        }
    }
}
