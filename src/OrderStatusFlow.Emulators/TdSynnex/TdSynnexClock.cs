namespace OrderStatusFlow.Emulators.TdSynnex;

/// <summary>The scenario clock: seconds since the emulator started, plus whatever the admin endpoint advanced.</summary>
internal sealed class TdSynnexClock(TimeProvider time)
{
    readonly DateTimeOffset _start = time.GetUtcNow();
    long _advancedTicks;

    public double Seconds => (time.GetUtcNow() - _start + TimeSpan.FromTicks(Interlocked.Read(ref _advancedTicks))).TotalSeconds;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _advancedTicks, by.Ticks);
}
