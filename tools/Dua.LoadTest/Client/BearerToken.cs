using System.Diagnostics;
using Grpc.Core;

namespace Dua.LoadTest.Client;

/// <summary>
/// The bearer token every call carries, kept valid for a run of any length. Given as is (<c>--token</c>), it is
/// used until it expires; given as a command (<c>--token-command</c>, e.g. <c>deploy/token.sh agency SE</c>), the
/// command is run at the start and again every <see cref="RefreshEvery"/>, so a seeding of hours outlives the
/// provider's one-hour tokens. A refresh that fails keeps the current token and is tried again a minute later.
/// The token itself is never written anywhere.
/// </summary>
public sealed class BearerToken : IDisposable
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    private readonly string? _command;
    private readonly TextWriter _log;
    private readonly Timer? _refresh;
    private volatile Metadata.Entry _header;

    private BearerToken(string token, string? command, TextWriter log)
    {
        _header = HeaderOf(token);
        _command = command;
        _log = log;
        _refresh = command is null ? null : new Timer(_ => Refresh(), null, RefreshEvery, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The <c>authorization</c> header with the current token.</summary>
    public Metadata.Entry Header => _header;

    public static BearerToken Fixed(string token, TextWriter log) => new(token, null, log);

    /// <summary>Runs the command once for the first token; fails the run when it does not give one.</summary>
    public static async Task<BearerToken> FromCommandAsync(string command, TextWriter log, CancellationToken cancellation) =>
        new(await RunAsync(command, cancellation), command, log);

    public void Dispose() => _refresh?.Dispose();

    private void Refresh()
    {
        var next = RefreshEvery;
        try
        {
            _header = HeaderOf(RunAsync(_command!, CancellationToken.None).GetAwaiter().GetResult());
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            _log.WriteLine($"Dua.LoadTest: renewing the token failed ({e.Message}); the current one is kept, retrying in a minute");
            next = RetryAfterFailure;
        }

        try
        {
            _refresh!.Change(next, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The run has ended.
        }
    }

    private static Metadata.Entry HeaderOf(string token) => new("authorization", $"Bearer {token}");

    private static async Task<string> RunAsync(string command, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run the token command '{command}'");
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        var token = (await output).Trim();
        if (process.ExitCode != 0 || token.Length == 0 || token.Contains(' ', StringComparison.Ordinal) || token.Contains('\n', StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"the token command '{command}' exited with {process.ExitCode} and no token{((await errors).Trim() is { Length: > 0 } why ? $": {why}" : "")}");
        }

        return token;
    }
}
