namespace OrderStatusFlow.Bench.Week;

/// <summary>How the connector reaches the simulated systems in <c>bench week</c> (<c>--transport</c>).</summary>
internal enum WeekTransport
{
    /// <summary>Through the seams, in process (<see cref="InProcessTransport"/>): fast enough for 20,000 POs.</summary>
    InProcess,

    /// <summary>Over loopback HTTP to the emulators (<see cref="Http.HttpTransport"/>): the real clients, a scaled-down N.</summary>
    Http,
}
