using System.ComponentModel.DataAnnotations;

namespace Dua.Silo.Hosting;

/// <summary>
/// The secret behind participants' pseudonyms (HMAC-SHA256 of the personal identity number). Bound from
/// <c>Participants</c>; comes from configuration or the environment (<c>Participants__PseudonymKey</c>), never from
/// the repository. Changing it makes every person a stranger to the platform.
/// </summary>
public sealed class PseudonymOptions : IValidatableObject
{
    public const string SectionName = "Participants";

    /// <summary>Base64 of at least 32 random bytes.</summary>
    public string? PseudonymKey { get; set; }

    public byte[] KeyBytes() => Convert.FromBase64String(PseudonymKey!);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        byte[]? key = null;
        try
        {
            key = string.IsNullOrWhiteSpace(PseudonymKey) ? null : Convert.FromBase64String(PseudonymKey);
        }
        catch (FormatException)
        {
        }

        if (key is null || key.Length < Dua.Domain.Pseudonymizer.MinimumKeyLength)
        {
            yield return new ValidationResult(
                $"Participants:PseudonymKey (env Participants__PseudonymKey) must be base64 of at least {Dua.Domain.Pseudonymizer.MinimumKeyLength} random bytes, e.g. from 'openssl rand -base64 32'.",
                [nameof(PseudonymKey)]);
        }
    }
}
