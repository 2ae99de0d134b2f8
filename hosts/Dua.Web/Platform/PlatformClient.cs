using System.Runtime.CompilerServices;
using Dua.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dua.Web.Platform;

/// <summary>
/// The web app's calls to the gateway's public dua.v1 API, each with the signed-in person's access token. Lists are
/// read to their end; gRPC failures become <see cref="PlatformErrors"/>' exceptions.
/// </summary>
public sealed class PlatformClient(GrpcChannel channel, AccessTokenSource token)
{
    private const int PageSize = 100;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private readonly StatisticsService.StatisticsServiceClient _statistics = new(channel);
    private readonly RegionService.RegionServiceClient _regions = new(channel);
    private readonly MunicipalityService.MunicipalityServiceClient _municipalities = new(channel);
    private readonly AgreementService.AgreementServiceClient _agreements = new(channel);
    private readonly DialogueService.DialogueServiceClient _dialogues = new(channel);
    private readonly LabourMarketService.LabourMarketServiceClient _labourMarket = new(channel);

    public Task<GetNationalSummaryResponse> GetNationalSummaryAsync(CancellationToken cancellation) =>
        CallAsync(options => _statistics.GetNationalSummaryAsync(new(), options).ResponseAsync, cancellation);

    public async Task<RegionSummary> GetRegionSummaryAsync(string regionCode, CancellationToken cancellation) =>
        (await CallAsync(options => _statistics.GetRegionSummaryAsync(new() { RegionCode = regionCode }, options).ResponseAsync, cancellation)).Region;

    public async Task<MunicipalitySummary> GetMunicipalitySummaryAsync(string municipalityCode, CancellationToken cancellation) =>
        (await CallAsync(options => _statistics.GetMunicipalitySummaryAsync(new() { MunicipalityCode = municipalityCode }, options).ResponseAsync, cancellation)).Municipality;

    public async Task<Region> GetRegionAsync(string regionCode, CancellationToken cancellation) =>
        (await CallAsync(options => _regions.GetRegionAsync(new() { RegionCode = regionCode }, options).ResponseAsync, cancellation)).Region;

    public async Task<Municipality> GetMunicipalityAsync(string municipalityCode, CancellationToken cancellation) =>
        (await CallAsync(options => _municipalities.GetMunicipalityAsync(new() { MunicipalityCode = municipalityCode }, options).ResponseAsync, cancellation)).Municipality;

    public Task<List<Region>> ListRegionsAsync(CancellationToken cancellation) =>
        ListAsync<Region>(async (page, options) =>
        {
            var response = await _regions.ListRegionsAsync(new() { PageSize = PageSize, PageToken = page }, options);
            return (response.Regions, response.NextPageToken);
        }, cancellation);

    /// <summary>A county's municipalities, or the whole country's with an empty code.</summary>
    public Task<List<Municipality>> ListMunicipalitiesAsync(string regionCode, CancellationToken cancellation) =>
        ListAsync<Municipality>(async (page, options) =>
        {
            var response = await _municipalities.ListMunicipalitiesAsync(new() { RegionCode = regionCode, PageSize = PageSize, PageToken = page }, options);
            return (response.Municipalities, response.NextPageToken);
        }, cancellation);

    public Task<List<Agreement>> ListAgreementsAsync(string municipalityCode, CancellationToken cancellation) =>
        ListAsync<Agreement>(async (page, options) =>
        {
            var response = await _agreements.ListAgreementsAsync(new() { MunicipalityCode = municipalityCode, PageSize = PageSize, PageToken = page }, options);
            return (response.Agreements, response.NextPageToken);
        }, cancellation);

    public Task<List<Dialogue>> ListDialoguesAsync(string regionCode, CancellationToken cancellation) =>
        ListAsync<Dialogue>(async (page, options) =>
        {
            var response = await _dialogues.ListDialoguesAsync(new() { RegionCode = regionCode, PageSize = PageSize, PageToken = page }, options);
            return (response.Dialogues, response.NextPageToken);
        }, cancellation);

    /// <summary>A municipality's reported months, newest first: at most the latest <paramref name="months"/>.</summary>
    public async Task<List<MonthlyFigures>> ListMonthlyFiguresAsync(string municipalityCode, int months, CancellationToken cancellation) =>
        [.. (await CallAsync(options => _labourMarket.ListMonthlyFiguresAsync(
            new() { MunicipalityCode = municipalityCode, PageSize = Math.Clamp(months, 1, PageSize) }, options).ResponseAsync, cancellation)).Figures];

    /// <summary>
    /// The county's summary now and after every change, until cancelled. Ends (with an exception) when the stream
    /// breaks; the caller reconnects.
    /// </summary>
    public async IAsyncEnumerable<RegionSummary> WatchRegionSummaryAsync(string regionCode, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var headers = await HeadersAsync(cancellation);
        using var call = _statistics.WatchRegionSummary(new() { RegionCode = regionCode }, new CallOptions(headers, cancellationToken: cancellation));
        while (true)
        {
            RegionSummary current;
            try
            {
                if (!await call.ResponseStream.MoveNext(cancellation))
                {
                    yield break;
                }

                current = call.ResponseStream.Current.Region;
            }
            catch (RpcException e) when (!cancellation.IsCancellationRequested)
            {
                throw PlatformErrors.Translate(e);
            }

            yield return current;
        }
    }

    private async Task<Metadata> HeadersAsync(CancellationToken cancellation) =>
        new() { { "authorization", $"Bearer {await token.GetAsync(cancellation)}" } };

    private async Task<T> CallAsync<T>(Func<CallOptions, Task<T>> call, CancellationToken cancellation)
    {
        var options = new CallOptions(await HeadersAsync(cancellation), DateTime.UtcNow + Deadline, cancellation);
        try
        {
            return await call(options);
        }
        catch (RpcException e) when (!cancellation.IsCancellationRequested)
        {
            throw PlatformErrors.Translate(e);
        }
    }

    private async Task<List<T>> ListAsync<T>(
        Func<string, CallOptions, Task<(Google.Protobuf.Collections.RepeatedField<T> Items, string Next)>> page, CancellationToken cancellation)
    {
        var all = new List<T>();
        var token = "";
        do
        {
            var (items, next) = await CallAsync(options => page(token, options), cancellation);
            all.AddRange(items);
            token = next;
        }
        while (token.Length > 0);

        return all;
    }
}
