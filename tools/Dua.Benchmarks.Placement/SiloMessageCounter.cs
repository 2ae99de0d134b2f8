using System.Diagnostics.Metrics;

namespace Dua.Benchmarks.Placement;

/// <summary>
/// Counts the messages a set of silos send, from Orleans' meter ("Microsoft.Orleans"): every message written to a
/// silo-to-silo connection (the <c>orleans-messaging-sent-messages-size</c> histogram, one record per message,
/// tagged <c>ConnectionDirection=SiloToSilo</c>), and every message a silo delivered to itself without a
/// connection (<c>orleans-messaging-sent-local</c>). Messages between a client and a gateway are left out.
/// </summary>
/// <remarks>
/// Each in-process silo has its own meter factory; only instruments of the given silos' meters are counted, so
/// the cluster client (same process, same meter name) and silos of earlier runs never leak into the figures.
/// </remarks>
public sealed class SiloMessageCounter : IDisposable
{
    private const string MeterName = "Microsoft.Orleans";
    private const string SentMessages = "orleans-messaging-sent-messages-size";
    private const string SentLocal = "orleans-messaging-sent-local";

    private readonly MeterListener _listener = new();
    private readonly Dictionary<object, Tally> _tallies;

    public SiloMessageCounter(IEnumerable<IMeterFactory> siloMeterFactories)
    {
        _tallies = siloMeterFactories.ToDictionary(f => (object)f, _ => new Tally());
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && instrument.Name is SentMessages or SentLocal
                && instrument.Meter.Scope is { } scope && _tallies.TryGetValue(scope, out var tally))
            {
                listener.EnableMeasurementEvents(instrument, tally);
            }
        };
        _listener.SetMeasurementEventCallback<int>(OnSent);
        _listener.SetMeasurementEventCallback<long>(OnLocalTotal);
        _listener.Start();
    }

    /// <summary>The totals so far, summed over the silos.</summary>
    public MessageCounts Read()
    {
        _listener.RecordObservableInstruments();
        return _tallies.Values.Aggregate(default(MessageCounts), (sum, tally) => sum + tally.Read());
    }

    public void Dispose() => _listener.Dispose();

    private static void OnSent(Instrument instrument, int bytes, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? connection = null, direction = null;
        foreach (var (key, value) in tags)
        {
            switch (key)
            {
                case "ConnectionDirection": connection = value as string; break;
                case "MessageDirection": direction = value as string; break;
            }
        }

        if (connection == "SiloToSilo")
        {
            ((Tally)state!).AddCrossSilo(bytes, isRequest: direction == "Request");
        }
    }

    // The local counter is observable and cumulative: each reading replaces the last.
    private static void OnLocalTotal(Instrument instrument, long total, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state) =>
        ((Tally)state!).SetLocal(total);

    private sealed class Tally
    {
        private long _crossSilo, _requests, _bytes, _local;

        public void AddCrossSilo(int bytes, bool isRequest)
        {
            Interlocked.Increment(ref _crossSilo);
            Interlocked.Add(ref _bytes, bytes);
            if (isRequest)
            {
                Interlocked.Increment(ref _requests);
            }
        }

        public void SetLocal(long total) => Interlocked.Exchange(ref _local, total);

        public MessageCounts Read() => new(Interlocked.Read(ref _crossSilo), Interlocked.Read(ref _requests), Interlocked.Read(ref _bytes), Interlocked.Read(ref _local));
    }
}
