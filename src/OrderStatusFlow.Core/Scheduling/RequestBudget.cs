namespace OrderStatusFlow.Core.Scheduling;

/// <summary>
/// <c>schedule.maxRequestsPerHour</c>: a sliding one-hour window over TD SYNNEX calls (status and invoice queries
/// together) on monotonic time (<see cref="TimeProvider.GetTimestamp"/>, so wall-clock jumps neither free nor block
/// calls). A PO is admitted only when the calls it may make (an upper bound) fit in the window; what it did not use
/// is given back when it finishes. So the calls in any hour never exceed the maximum.
/// </summary>
public sealed class RequestBudget
{
    static readonly TimeSpan Window = TimeSpan.FromHours(1);
    readonly TimeProvider _time;
    readonly Queue<Ticket> _spent = new();
    readonly Lock _lock = new();
    long _inWindow;

    /// <param name="maxPerHour">The maximum calls in any hour; 0 means no limit.</param>
    public RequestBudget(int maxPerHour, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxPerHour);
        MaxPerHour = maxPerHour;
        _time = time;
    }

    public int MaxPerHour { get; }

    /// <summary>The most calls reserved within one window so far (the bench checks it against the maximum).</summary>
    public long PeakInWindow { get; private set; }

    /// <summary>Calls reserved in the last hour.</summary>
    public long InWindow
    {
        get
        {
            lock (_lock)
            {
                Expire(_time.GetTimestamp());
                return _inWindow;
            }
        }
    }

    /// <summary>Calls still available now; <see cref="int.MaxValue"/> without a limit.</summary>
    public long Available => MaxPerHour == 0 ? int.MaxValue : Math.Max(0, MaxPerHour - InWindow);

    /// <summary>Reserves <paramref name="calls"/> when they fit in the window; null when they do not.</summary>
    public Ticket? TryTake(int calls)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            Expire(now);
            if (MaxPerHour > 0 && _inWindow + calls > MaxPerHour)
                return null;
            var ticket = new Ticket(now, calls);
            _spent.Enqueue(ticket);
            _inWindow += calls;
            PeakInWindow = Math.Max(PeakInWindow, _inWindow);
            return ticket;
        }
    }

    /// <summary>Gives back what a PO reserved but did not call.</summary>
    public void Settle(Ticket ticket, int used)
    {
        lock (_lock)
        {
            var unused = ticket.Calls - Math.Clamp(used, 0, ticket.Calls);
            if (unused == 0 || ticket.Expired)
                return;
            ticket.Calls -= unused;
            _inWindow -= unused;
        }
    }

    void Expire(long now)
    {
        while (_spent.TryPeek(out var oldest) && _time.GetElapsedTime(oldest.At, now) >= Window)
        {
            _spent.Dequeue();
            oldest.Expired = true;
            _inWindow -= oldest.Calls;
        }
    }

    /// <summary>One reservation: when, and how many calls it still holds.</summary>
    public sealed class Ticket(long at, int calls)
    {
        internal long At { get; } = at;

        internal int Calls { get; set; } = calls;

        internal bool Expired { get; set; }
    }
}
