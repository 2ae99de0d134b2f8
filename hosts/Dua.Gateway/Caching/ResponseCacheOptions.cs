using System.ComponentModel.DataAnnotations;

namespace Dua.Gateway.Caching;

/// <summary>
/// The gateway's short-lived cache of complete, successful answers to allow-listed idempotent gRPC reads. Bound from
/// <c>Gateway:ResponseCache</c> (env <c>Gateway__ResponseCache__Enabled=false</c>, <c>Gateway__ResponseCache__Methods__0=...</c>).
/// </summary>
public sealed class ResponseCacheOptions : IValidatableObject
{
    public const string SectionName = "Gateway:ResponseCache";

    public bool Enabled { get; set; }

    /// <summary>
    /// How long a stored answer is served. Summaries must reflect a write within 1 s; the silo's own summary cache may
    /// already be 250 ms old, so this stays well under the rest of that budget (at most 750 ms).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:00.750")]
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// gRPC method paths (<c>/package.Service/Method</c>) whose answers may be cached. Only idempotent reads belong here;
    /// every other path is forwarded untouched. The defaults live in appsettings.json: a list default here would be
    /// appended to, not replaced, by configuration.
    /// </summary>
    public List<string> Methods { get; set; } = [];

    /// <summary>A request body (the gRPC-framed message) larger than this is forwarded without caching.</summary>
    [Range(5, 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 4 * 1024;

    /// <summary>A response body larger than this is passed on but not stored.</summary>
    [Range(5, 64 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>Upper bound of what all stored answers may occupy (bodies, headers, trailers and keys, estimated).</summary>
    [Range(1024, 4L * 1024 * 1024 * 1024)]
    public long SizeLimitBytes { get; set; } = 64 * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var method in Methods.Where(method => !IsGrpcMethodPath(method)))
        {
            yield return new ValidationResult(
                $"Gateway:ResponseCache:Methods entry '{method}' is not a gRPC method path such as /dua.v1.StatisticsService/GetRegionSummary.",
                [nameof(Methods)]);
        }
    }

    // "/" + service (with its package) + "/" + method, nothing more.
    private static bool IsGrpcMethodPath(string path) =>
        path.Length > 3 && path[0] == '/' && path.Count(c => c == '/') == 2
        && path.IndexOf('/', 1) is var slash && slash > 1 && slash < path.Length - 1
        && !path.Any(char.IsWhiteSpace);
}
