using Dua.Contracts.V1;

namespace Dua.EndToEnd.Tests;

/// <summary>Reads through the public API that several end-to-end scenarios share.</summary>
internal static class Municipalities
{
    /// <summary>Every municipality code, page by page.</summary>
    public static async Task<string[]> AllCodesAsync(MunicipalityService.MunicipalityServiceClient client)
    {
        var codes = new List<string>();
        var token = "";
        do
        {
            var page = await client.ListMunicipalitiesAsync(new ListMunicipalitiesRequest { PageSize = 100, PageToken = token });
            codes.AddRange(page.Municipalities.Select(m => m.MunicipalityCode));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return [.. codes];
    }
}
