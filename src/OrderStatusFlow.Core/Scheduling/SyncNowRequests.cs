namespace OrderStatusFlow.Core.Scheduling;

/// <summary>
/// "Sync now" requests from operators (console, command line): one PO, several, or all. The next cycle checks them
/// whatever their next check time (still within the budget) and clears them; <see cref="Requested"/> wakes a waiting
/// service so it does not wait for the interval.
/// </summary>
public sealed class SyncNowRequests
{
    readonly HashSet<string> _poNumbers = new(StringComparer.OrdinalIgnoreCase);
    readonly Lock _lock = new();
    bool _all;

    /// <summary>Raised after every request.</summary>
    public event Action? Requested;

    /// <summary>Asks for <paramref name="poNumbers"/> (PO numbers as in ServiceNow), or every open PO when null or empty.</summary>
    public void Request(IEnumerable<string>? poNumbers = null)
    {
        lock (_lock)
        {
            var list = poNumbers?.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList() ?? [];
            if (list.Count == 0)
                _all = true;
            else
                _poNumbers.UnionWith(list);
        }
        Requested?.Invoke();
    }

    public bool IsEmpty
    {
        get
        {
            lock (_lock)
                return !_all && _poNumbers.Count == 0;
        }
    }

    /// <summary>Takes the pending requests: (every PO?, the PO numbers asked for).</summary>
    public (bool All, IReadOnlySet<string> PoNumbers) Take()
    {
        lock (_lock)
        {
            var taken = (_all, (IReadOnlySet<string>)new HashSet<string>(_poNumbers, StringComparer.OrdinalIgnoreCase));
            _all = false;
            _poNumbers.Clear();
            return taken;
        }
    }
}
