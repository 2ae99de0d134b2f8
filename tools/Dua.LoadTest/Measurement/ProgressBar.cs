using System.Globalization;

namespace Dua.LoadTest.Measurement;

/// <summary>
/// A plain-text progress line on standard error. On a terminal it is redrawn in place; into a file or a pipe it
/// becomes a new line every few seconds, so a log shows progress without control characters.
/// </summary>
public sealed class ProgressBar : IAsyncDisposable
{
    private const int BarWidth = 24;

    private readonly TextWriter _output;
    private readonly Func<ProgressState> _state;
    private readonly bool _redraw;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _lastLength;
    private (long Calls, TimeSpan Elapsed) _previous;

    public ProgressBar(TextWriter output, bool redraw, Func<ProgressState> state)
    {
        _output = output;
        _redraw = redraw;
        _state = state;
        _loop = RunAsync(redraw ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(2));
    }

    /// <summary>For standard error: redraw in place only when it is a terminal.</summary>
    public static ProgressBar OnStandardError(Func<ProgressState> state) => new(Console.Error, !Console.IsErrorRedirected, state);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Write(final: true);
        _stop.Dispose();
    }

    /// <summary>One line: label, bar and share (when the total is known), rate, errors, elapsed and time left.</summary>
    /// <param name="callsPerSecond">The current rate; null gives the average since the start.</param>
    public static string Format(ProgressState s, double? callsPerSecond = null)
    {
        var line = new System.Text.StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"[{s.Label}] ");
        if (s.Total > 0)
        {
            var share = Math.Clamp((double)s.Done / s.Total, 0, 1);
            var filled = (int)Math.Round(share * BarWidth);
            line.Append('[').Append('#', filled).Append('.', BarWidth - filled).Append(']');
            line.Append(CultureInfo.InvariantCulture, $" {s.Done:N0}/{s.Total:N0} {share * 100,3:F0}%");
        }
        else
        {
            line.Append(CultureInfo.InvariantCulture, $"{s.Done:N0}");
        }

        var seconds = s.Elapsed.TotalSeconds;
        var rate = callsPerSecond ?? (seconds > 0 ? s.Calls / seconds : 0);
        line.Append(CultureInfo.InvariantCulture, $" | {s.Calls:N0} calls, {rate:N0}/s | errors {s.Errors:N0}");
        line.Append(CultureInfo.InvariantCulture, $" | {s.Elapsed:hh\\:mm\\:ss}");
        if (s.Remaining is { } remaining)
        {
            line.Append(CultureInfo.InvariantCulture, $", {remaining:hh\\:mm\\:ss} left");
        }
        else if (s.Total > 0 && s.Done > 0 && s.Done < s.Total)
        {
            var left = TimeSpan.FromSeconds(seconds * (s.Total - s.Done) / s.Done);
            line.Append(CultureInfo.InvariantCulture, $", ~{left:hh\\:mm\\:ss} left");
        }

        return line.ToString();
    }

    private async Task RunAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Write(final: false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the final line follows.
        }
    }

    private void Write(bool final)
    {
        // The rate over the last interval says how fast it goes now; the final line gives the average.
        var state = _state();
        var interval = (state.Elapsed - _previous.Elapsed).TotalSeconds;
        double? rate = final || interval <= 0 ? null : (state.Calls - _previous.Calls) / interval;
        _previous = (state.Calls, state.Elapsed);
        var text = Format(state, rate);
        if (_redraw)
        {
            var padding = Math.Max(0, _lastLength - text.Length);
            _output.Write('\r' + text + new string(' ', padding) + (final ? Environment.NewLine : ""));
            _lastLength = text.Length;
        }
        else
        {
            _output.WriteLine(text);
        }

        _output.Flush();
    }
}

/// <summary>What a progress line shows.</summary>
/// <param name="Total">The amount of work when known (participants, say); 0 for a timed phase.</param>
/// <param name="Remaining">For a timed phase: the time left.</param>
public sealed record ProgressState(string Label, long Done, long Total, long Calls, long Errors, TimeSpan Elapsed, TimeSpan? Remaining = null);
