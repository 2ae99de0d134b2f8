using Dua.Domain.Requests;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Requests.Surrogates;

/// <summary>How a request's id and fingerprint travel with every write.</summary>
[GenerateSerializer, Immutable, Alias("dua.RequestKey")]
public readonly record struct RequestKeySurrogate(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Fingerprint);

[RegisterConverter]
public sealed class RequestKeyConverter : IConverter<RequestKey, RequestKeySurrogate>
{
    public RequestKey ConvertFromSurrogate(in RequestKeySurrogate surrogate) =>
        new(surrogate.RequestId, surrogate.Fingerprint);

    public RequestKeySurrogate ConvertToSurrogate(in RequestKey value) => new(value.RequestId, value.Fingerprint);
}
