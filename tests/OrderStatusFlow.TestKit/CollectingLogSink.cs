using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace OrderStatusFlow.TestKit;

/// <summary>A Serilog sink that keeps every event; <see cref="CreateLogger"/> builds a logger writing to it.</summary>
public sealed class CollectingLogSink : ILogEventSink
{
    readonly Lock _lock = new();
    readonly List<LogEvent> _events = [];

    public IReadOnlyList<LogEvent> Events { get { lock (_lock) return _events.ToList(); } }

    public IReadOnlyList<string> Messages => Events.Select(e => e.RenderMessage()).ToList();

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
            _events.Add(logEvent);
    }

    public ILogger CreateLogger() => new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();
}
