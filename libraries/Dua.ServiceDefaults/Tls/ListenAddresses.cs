using System.Net;

namespace Dua.ServiceDefaults.Tls;

/// <summary>The rule every host applies to where it listens: plaintext only on loopback.</summary>
public static class ListenAddresses
{
    public static bool IsLoopback(string address) => IPAddress.TryParse(address, out var ip) && IPAddress.IsLoopback(ip);

    /// <summary>Why listening on <paramref name="address"/> without TLS is refused, naming both settings; null when it is loopback.</summary>
    public static string? PlaintextProblem(string addressSetting, string address, string tlsSection) =>
        IsLoopback(address)
            ? null
            : $"{addressSetting} {address} is not loopback: set {tlsSection}:CertificatePath and {tlsSection}:CertificateKeyPath (PEM) to serve TLS; nothing crosses a network in clear text.";
}
