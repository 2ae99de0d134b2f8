using Dua.Web.Hosting;
using Dua.Web.Platform;
using Dua.Web.SignIn;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace Dua.Web.Components;

/// <summary>
/// A page that fetches figures from the gateway. One place decides what a failure shows: a refusal names what the
/// person may see (status 403), an unknown code the not-found page (404), an expired session a new sign-in that
/// returns here, and an unreachable platform a message and a retry (503), by itself every few seconds. No exception
/// text ever reaches the browser.
/// </summary>
public abstract class PlatformPage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private Timer? _retry;
    private PersistingComponentStateSubscription? _persisting;

    [Inject] protected PlatformClient Platform { get; set; } = null!;

    [Inject] protected PlaceNames Places { get; set; } = null!;

    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    [Inject] private IOptions<WebOptions> Options { get; set; } = null!;

    [Inject] private ILogger<PlatformPage> Logger { get; set; } = null!;

    [Inject] private PersistentComponentState ApplicationState { get; set; } = null!;

    /// <summary>Present only while the page renders on the server for the first response (prerendering).</summary>
    [CascadingParameter] protected HttpContext? HttpContext { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    protected PageProblem Problem { get; private set; }

    /// <summary>With <see cref="PageProblem.Refused"/>: what the person's sign-in covers, in words.</summary>
    protected string MayView { get; private set; } = "";

    protected bool Loaded { get; private set; }

    /// <summary>The page's title: what it shows, or what went wrong.</summary>
    protected string TitleOr(string shown) => Problem switch
    {
        PageProblem.Refused => "Ingen behörighet – Dua",
        PageProblem.Unavailable => "Siffrorna kan inte hämtas – Dua",
        _ => $"{shown} – Dua",
    };

    protected CancellationToken Disposed => _disposed.Token;

    /// <summary>Fetches everything the page shows; throws what <see cref="PlatformClient"/> throws.</summary>
    protected abstract Task LoadAsync(CancellationToken cancellation);

    /// <summary>Names what the page shows (its address), to hand the first render's figures to the live page.</summary>
    protected abstract string StateKey { get; }

    /// <summary>What <see cref="LoadAsync"/> fetched, as text (protobuf JSON), for <see cref="Restore"/>.</summary>
    protected abstract Dictionary<string, string> Save();

    protected abstract void Restore(IReadOnlyDictionary<string, string> state);

    /// <summary>
    /// The figures of the first (prerendered) response travel in it to the interactive page, which then shows them at
    /// once instead of blanking while it fetches them again.
    /// </summary>
    protected override void OnInitialized() =>
        _persisting = ApplicationState.RegisterOnPersisting(() =>
        {
            if (Loaded && Problem == PageProblem.None)
            {
                ApplicationState.PersistAsJson(StateKey, Save());
            }

            return Task.CompletedTask;
        });

    protected override Task OnParametersSetAsync()
    {
        if (!Loaded && ApplicationState.TryTakeFromJson<Dictionary<string, string>>(StateKey, out var state) && state is not null)
        {
            Restore(state);
            Loaded = true;
            return Task.CompletedTask;
        }

        return RunLoadAsync();
    }

    protected async Task RetryAsync()
    {
        await RunLoadAsync();
        StateHasChanged();
    }

    /// <summary>Runs a follow-up fetch (a live update's details): the same handling as the page's first load.</summary>
    protected async Task<bool> TryAsync(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await work(Disposed);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await HandleAsync(e);
            return false;
        }
    }

    private async Task RunLoadAsync()
    {
        try
        {
            await LoadAsync(Disposed);
            Problem = PageProblem.None;
            Loaded = true;
        }
        catch (Exception e) when (e is not OperationCanceledException and not NavigationException)
        {
            await HandleAsync(e);
        }
    }

    private async Task HandleAsync(Exception e)
    {
        switch (e)
        {
            case AreaNotFoundException:
                Navigation.NotFound();
                break;
            case SessionExpiredException:
                Navigation.NavigateTo(SignInExtensions.SignInAddress("/" + Navigation.ToBaseRelativePath(Navigation.Uri)), forceLoad: true);
                break;
            case AccessRefusedException:
                Problem = PageProblem.Refused;
                MayView = await DescribeAreasAsync();
                SetStatus(StatusCodes.Status403Forbidden);
                break;
            default:
                // The message is for operators; the person reads that figures cannot be fetched now.
                Logger.LogWarning("Figures for {Page} could not be fetched: {Error}", GetType().Name, e.Message);
                Problem = PageProblem.Unavailable;
                SetStatus(StatusCodes.Status503ServiceUnavailable);
                ScheduleRetry();
                break;
        }
    }

    private void ScheduleRetry()
    {
        if (HttpContext is not null || _disposed.IsCancellationRequested)
        {
            return; // the first response is rendered once; the interactive page retries
        }

        _retry?.Dispose();
        _retry = new Timer(_ => _ = InvokeAsync(RetryAsync), null, Options.Value.RetryInterval, Timeout.InfiniteTimeSpan);
    }

    private void SetStatus(int status)
    {
        if (HttpContext is { Response.HasStarted: false } context)
        {
            context.Response.StatusCode = status;
        }
    }

    private async Task<string> DescribeAreasAsync()
    {
        var person = Authentication is null ? null : (await Authentication).User;
        var areas = person?.Areas() ?? [];
        if (areas.Count == 0)
        {
            return "inga områden";
        }

        try
        {
            await Places.LoadAsync(Platform, Disposed);
        }
        catch (Exception e) when (e is FiguresUnavailableException or AccessRefusedException)
        {
            // Without the names the codes still say it.
        }

        return string.Join(", ", areas.Select(Places.Of));
    }

    public void Dispose()
    {
        _retry?.Dispose();
        _persisting?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
