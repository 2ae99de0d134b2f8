namespace Dua.Silo.Tests;

/// <summary>Adds to every request the headers the gateway sets on its way to a silo.</summary>
internal sealed class GatewayHeadersHandler(IEnumerable<KeyValuePair<string, string>> headers, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly KeyValuePair<string, string>[] _headers = [.. headers];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in _headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
