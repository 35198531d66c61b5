namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>
/// Spaces a batch's items <c>step</c> apart on one running clock, so <c>n</c> items take <c>n × step</c>, as the
/// scenario says. A <c>Task.Delay(step)</c> per item does not: timers fire on a coarse tick (4 ms on the Linux machines
/// the bench runs on), which made a 1 ms item cost 4 ms and a 100-item batch 400 ms. An item that starts late (the
/// tick overshot) is not delayed again until the clock has caught up.
/// </summary>
sealed class ItemPacer(TimeSpan step, TimeProvider time)
{
    readonly long _start = time.GetTimestamp();
    TimeSpan _due;

    /// <summary>Completes when the next item is due: one <c>step</c> after the previous one was due.</summary>
    public Task NextAsync(CancellationToken cancellationToken = default)
    {
        _due += step;
        var ahead = _due - time.GetElapsedTime(_start);
        return ahead > TimeSpan.Zero ? Task.Delay(ahead, time, cancellationToken) : Task.CompletedTask;
    }
}
