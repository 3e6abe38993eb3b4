using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Support;

// Sums one service provider's counters by instrument and tags. Other tests' providers run in parallel in this process:
// their meters come from another IMeterFactory and are not listened to.
public sealed class MeterCounts : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string Tags), long> _sums = new();

    public MeterCounts(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = string.Join(';', tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));
            _sums.AddOrUpdate((instrument.Name, key), value, (_, sum) => sum + value);
        });
        _listener.Start();
    }

    // The sum over every measurement whose tags include all the given ones.
    public long Sum(string instrument, params (string Key, string Value)[] tags) =>
        _sums.Where(s => s.Key.Instrument == instrument && tags.All(t => s.Key.Tags.Split(';').Contains($"{t.Key}={t.Value}")))
            .Sum(s => s.Value);

    public void Dispose() => _listener.Dispose();
}
