using System.Security.Cryptography;
using Dua.Contracts;
using Dua.Domain.Requests;
using Google.Protobuf;

namespace Dua.Silo.Api;

/// <summary>
/// A digest of a request's content without its request_id: equal for a retry, different for other content.
/// The requests have no map fields, so the protobuf encoding of equal content is equal bytes.
/// </summary>
public static class RequestFingerprint
{
    public static string Of(IMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var copy = request.Descriptor.Parser.ParseFrom(request.ToByteArray());
        RequestIds.Clear(copy);
        return Convert.ToHexStringLower(SHA256.HashData(copy.ToByteArray()));
    }

    /// <summary>The request's id and fingerprint, as grains record them.</summary>
    public static RequestKey KeyOf(IMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestId = RequestIds.Of(request) ?? throw new ArgumentException($"{request.Descriptor.FullName} has no request id.", nameof(request));
        return new RequestKey(requestId, Of(request));
    }
}
