using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Dua.Security;

/// <summary>
/// ES256 (ECDSA P-256) keys for caller tokens: the issuer keeps the private key, the gateway is configured with public
/// keys only. Each key's id is its RFC 7638 thumbprint, so the gateway can hold several keys while they are rotated.
/// </summary>
public static class TokenSigningKeys
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    /// <summary>A new private key, as PKCS#8 PEM.</summary>
    public static string CreatePrivateKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>The public half of a private key, as SubjectPublicKeyInfo PEM: what the gateway is given.</summary>
    public static string PublicKeyPemOf(string privateKeyPem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(privateKeyPem);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>A signing or validation key from PEM (private or public), with its thumbprint as key id.</summary>
    public static ECDsaSecurityKey FromPem(string pem)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        var key = new ECDsaSecurityKey(ecdsa);
        key.KeyId = Base64UrlEncoder.Encode(PublicOnly(ecdsa).ComputeJwkThumbprint());
        return key;
    }

    // The thumbprint of the public key, so the private and public halves get the same key id.
    private static JsonWebKey PublicOnly(ECDsa ecdsa)
    {
        var publicKey = ECDsa.Create(ecdsa.ExportParameters(includePrivateParameters: false));
        return JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(publicKey));
    }
}
