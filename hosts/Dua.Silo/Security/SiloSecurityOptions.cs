using System.ComponentModel.DataAnnotations;

namespace Dua.Silo.Security;

/// <summary>
/// What keeps a silo private: the credential only the gateway holds, and the largest request it accepts. Bound from
/// the <c>Silo</c> section next to <see cref="Hosting.SiloHostOptions"/> and validated at start-up.
/// </summary>
public sealed class SiloSecurityOptions : IValidatableObject
{
    public const string SectionName = "Silo";

    /// <summary>Long enough that guessing it is hopeless; the gateway's <c>Gateway:SiloCredential</c> must equal it.</summary>
    public const int MinimumCredentialLength = 32;

    /// <summary>The shared internal credential the gateway sends in <c>dua-caller-credential</c>.</summary>
    public string? GatewayCredential { get; set; }

    /// <summary>The largest gRPC request message the silo reads; the gateway caps requests before this.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxReceiveMessageBytes { get; set; } = 256 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(GatewayCredential) || GatewayCredential.Length < MinimumCredentialLength)
        {
            yield return new ValidationResult(
                $"Silo:GatewayCredential (env Silo__GatewayCredential) is required: the credential shared with the gateway, "
                + $"at least {MinimumCredentialLength} characters.",
                [nameof(GatewayCredential)]);
        }
    }
}
