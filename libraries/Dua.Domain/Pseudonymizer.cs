using System.Security.Cryptography;
using System.Text;

namespace Dua.Domain;

/// <summary>
/// Turns a person's identity number into a stable pseudonym: HMAC-SHA256 under a secret key over the canonical
/// 12-digit form, as 64 lowercase hex characters. Without the key a pseudonym cannot be linked back to a number,
/// not even by hashing every possible number.
/// </summary>
public sealed class Pseudonymizer
{
    /// <summary>The least key length: as long as the HMAC-SHA256 output, as RFC 2104 recommends.</summary>
    public const int MinimumKeyLength = 32;

    private readonly byte[] _key;

    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinimumKeyLength"/> bytes.</exception>
    public Pseudonymizer(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumKeyLength)
        {
            throw new ArgumentException($"The key must be at least {MinimumKeyLength} bytes.", nameof(key));
        }

        // A copy, so a caller clearing or reusing its buffer does not change our pseudonyms.
        _key = (byte[])key.Clone();
    }

    public string Pseudonymize(PersonalIdentityNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(number.Canonical)));
    }
}
