using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Dua.Silo.Tests;

/// <summary>
/// Collects what one silo's group commit records on its <c>dua.storage.*</c> instruments. It listens only to meters
/// of that silo's <see cref="IMeterFactory"/>, so silos of tests running beside it do not add to its figures.
/// </summary>
internal sealed class StorageMetricsListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _recorded = new();

    public StorageMetricsListener(IMeterFactory silo)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, silo) && instrument.Name.StartsWith("dua.storage.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Values(instrument.Name).Enqueue(value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Values(instrument.Name).Enqueue(value));
        _listener.Start();
    }

    /// <summary>Every value recorded on the instrument so far.</summary>
    public IReadOnlyCollection<double> Of(string instrument) => _recorded.TryGetValue(instrument, out var values) ? values : [];

    public void Dispose() => _listener.Dispose();

    private ConcurrentQueue<double> Values(string instrument) => _recorded.GetOrAdd(instrument, _ => new ConcurrentQueue<double>());
}
