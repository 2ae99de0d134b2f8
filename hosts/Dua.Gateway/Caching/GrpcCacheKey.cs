namespace Dua.Gateway.Caching;

/// <summary>
/// What makes two calls the same question: the method path, the caller's view and the exact request body bytes
/// (the gRPC-framed request message).
/// </summary>
public sealed class GrpcCacheKey : IEquatable<GrpcCacheKey>
{
    private readonly byte[] _requestBody;
    private readonly int _hash;

    public GrpcCacheKey(string method, string view, byte[] requestBody)
    {
        Method = method;
        View = view;
        _requestBody = requestBody;
        var hash = new HashCode();
        hash.Add(method, StringComparer.Ordinal);
        hash.Add(view, StringComparer.Ordinal);
        hash.AddBytes(requestBody);
        _hash = hash.ToHashCode();
    }

    public string Method { get; }

    public string View { get; }

    public ReadOnlySpan<byte> RequestBody => _requestBody;

    /// <summary>Roughly what the key occupies in memory, for the cache's size bound.</summary>
    public int EstimatedSize => 64 + 2 * (Method.Length + View.Length) + _requestBody.Length;

    public bool Equals(GrpcCacheKey? other) =>
        other is not null
        && _hash == other._hash
        && string.Equals(Method, other.Method, StringComparison.Ordinal)
        && string.Equals(View, other.View, StringComparison.Ordinal)
        && _requestBody.AsSpan().SequenceEqual(other._requestBody);

    public override bool Equals(object? obj) => Equals(obj as GrpcCacheKey);

    public override int GetHashCode() => _hash;
}
