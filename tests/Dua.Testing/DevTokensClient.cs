using System.Net.Http.Headers;
using System.Text.Json;
using Xunit;

namespace Dua.Testing;

/// <summary>
/// The development client of the identity provider (<c>dua-dev-tokens</c>): client-credentials tokens for any role and
/// areas, as deploy/token.sh gets them, optionally with a chosen subject and organisation.
/// </summary>
public sealed class DevTokensClient(Uri provider, string secret) : IDisposable
{
    public const string ClientId = "dua-dev-tokens";

    private readonly HttpClient _http = new() { BaseAddress = provider };

    public async Task<string> TokenForAsync(string role, IEnumerable<string> areas, string? subject = null, string? organisation = null)
    {
        using var response = await RequestTokenAsync(role, areas, subject, organisation);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"the identity provider refused a token: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>The same, synchronously: for code that hands out channels without awaiting.</summary>
    public string TokenFor(string role, IEnumerable<string> areas, string? subject = null, string? organisation = null) =>
        Task.Run(() => TokenForAsync(role, areas, subject, organisation)).GetAwaiter().GetResult();

    /// <summary>The raw client-credentials request, for tests of what the provider refuses.</summary>
    public Task<HttpResponseMessage> RequestTokenAsync(
        string role, IEnumerable<string> areas, string? subject = null, string? organisation = null, string clientId = ClientId, string? clientSecret = null)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"),
            new("scope", "dua"),
            new("role", role),
        };
        form.AddRange(areas.Select(area => new KeyValuePair<string, string>("area", area)));
        if (subject is not null)
        {
            form.Add(new("subject", subject));
        }

        if (organisation is not null)
        {
            form.Add(new("organisation", organisation));
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "connect/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{clientId}:{clientSecret ?? secret}")));
        return _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();
}
