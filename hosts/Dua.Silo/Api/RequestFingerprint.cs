using System.Security.Cryptography;
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
        var copy = request.Descriptor.Parser.ParseFrom(request.ToByteArray());
        copy.Descriptor.FindFieldByName("request_id")?.Accessor.Clear(copy);
        return Convert.ToHexStringLower(SHA256.HashData(copy.ToByteArray()));
    }

    /// <summary>The request's id and fingerprint, as grains record them.</summary>
    public static RequestKey KeyOf(IMessage request) =>
        new((string)request.Descriptor.FindFieldByName("request_id").Accessor.GetValue(request), Of(request));
}
