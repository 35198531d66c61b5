namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>The scenario clock: the injected time plus whatever the admin endpoint advanced it by.</summary>
sealed class EmulatorClock(TimeProvider time)
{
    long _offsetTicks;

    public DateTimeOffset Now => time.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
