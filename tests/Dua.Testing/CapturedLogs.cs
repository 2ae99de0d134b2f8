using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dua.Testing;

/// <summary>Every log line a host under test writes, as "Level Category: message exception", for tests to search (for stack traces, personal identity numbers).</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
