using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.TdSynnex;
using OrderStatusFlow.TdSynnex.Interpretation;

namespace OrderStatusFlow.Bench.Week;

/// <summary>
/// The world both emulated systems share in <c>bench week</c>: each PO's TD SYNNEX life (<see cref="OrderScript"/>),
/// the ServiceNow records as the connector last wrote them, the calls and requests made, and when each change of
/// TD SYNNEX's answer reached ServiceNow (the freshness lag).
/// </summary>
internal sealed class SimulatedWorld
{
    readonly Dictionary<string, OrderScript> _scripts = new(StringComparer.Ordinal);
    readonly List<OrderScript> _byArrival;
    readonly List<string> _openIds = [];
    int _arrived;
    readonly Dictionary<string, PurchaseOrder> _records = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _delivered = new(StringComparer.Ordinal);
    readonly Dictionary<string, DateTimeOffset> _answeredAt = new(StringComparer.Ordinal);
    readonly List<(DateTimeOffset At, int Calls)> _callsByCycle = [];
    readonly Lock _lock = new();
    readonly InvoiceFallbackClock _invoiceFallback = new(new TdSynnexOptions().InvoiceFallback);
    long _statusCalls;
    long _invoiceCalls;
    long _serviceNowRequests;

    public SimulatedWorld(IEnumerable<OrderScript> scripts, TimeProvider time)
    {
        Time = time;
        _byArrival = scripts.OrderBy(s => s.SysId, StringComparer.Ordinal).ToList(); // sys_ids are drawn in arrival order
        foreach (var script in _byArrival)
            _scripts[script.SysId] = script;
    }

    public TimeProvider Time { get; }

    /// <summary>From when changes are measured (after the warm-up).</summary>
    public DateTimeOffset MeasureFrom { get; set; } = DateTimeOffset.MaxValue;

    public long StatusCalls => Interlocked.Read(ref _statusCalls);

    public long InvoiceCalls => Interlocked.Read(ref _invoiceCalls);

    public long ServiceNowRequests => Interlocked.Read(ref _serviceNowRequests);

    public List<(ChangeKind Kind, bool Announced, TimeSpan Lag)> Lags { get; } = [];

    /// <summary>TD SYNNEX calls (status and invoice) by the PO state of the answer, after <see cref="MeasureFrom"/>.</summary>
    public Dictionary<PoState, long> CallsByState { get; } = [];

    /// <summary>A restart of the connector: its in-memory invoice fallback clock starts empty.</summary>
    public void Restarted() => _invoiceFallback.Clear();

    public void CountServiceNowRequests(int requests) => Interlocked.Add(ref _serviceNowRequests, requests);

    /// <summary>The open connector POs at this moment, in sys_id order: accepted at TD SYNNEX and not terminal in ServiceNow.</summary>
    public List<PurchaseOrder> OpenRecords()
    {
        var now = Time.GetUtcNow();
        lock (_lock)
        {
            while (_arrived < _byArrival.Count && _byArrival[_arrived].AcceptedAt <= now)
            {
                var script = _byArrival[_arrived++];
                _records[script.SysId] = NewRecord(script);
                _openIds.Add(script.SysId);
            }
            _openIds.RemoveAll(id => IsTerminal(_records[id]));
            return _openIds.Select(id => _records[id]).ToList();
        }
    }

    public PurchaseOrder Record(string sysId)
    {
        lock (_lock)
            return _records[sysId];
    }

    /// <summary>TD SYNNEX: the answer for the PO now, with the invoice query when the connector would make it.</summary>
    public OrderStatus Answer(PurchaseOrder po)
    {
        var now = Time.GetUtcNow();
        var script = _scripts[po.SysId];
        Interlocked.Increment(ref _statusCalls);
        // The connector's invoice query trigger (the TD SYNNEX provider's InvoicePolicy and fallback clock): a sales
        // order shown invoiced whose invoice is not noted, every line invoiced, or shipped sales orders waiting and the
        // fallback due. The world shows a row invoiced from the moment its invoice exists.
        var need = InvoicePolicy.Decide(script.ShippedSalesOrders(now), script.InvoicedSalesOrders(now), script.AllInvoiced(now),
            InvoicePolicy.NotedInvoiceCount(po["u_vendor_notes"]));
        var query = need == InvoiceNeed.Now || (need == InvoiceNeed.Fallback && _invoiceFallback.IsDue(po.SysId, script.WaitingForInvoiceSince(now), now));
        if (query)
        {
            Interlocked.Increment(ref _invoiceCalls);
            _invoiceFallback.Asked(po.SysId, now);
        }
        var status = script.StatusAt(now, po.Lines.Select(l => l.SysId).ToList(), query);
        lock (_lock)
        {
            _answeredAt[po.SysId] = now;
            AddCalls(now, query ? 2 : 1);
            if (now >= MeasureFrom)
                CallsByState[status.State] = CallsByState.GetValueOrDefault(status.State) + (query ? 2 : 1);
        }
        return status;
    }

    /// <summary>
    /// TD SYNNEX answered the PO at <paramref name="at"/> elsewhere (the HTTP emulator, which counted the requests):
    /// counted here as <see cref="Answer"/> counts its own answers.
    /// </summary>
    public void RecordAnswer(string sysId, DateTimeOffset at, int statusCalls, int invoiceCalls)
    {
        var script = _scripts[sysId];
        var state = script.StatusAt(at, LineSysIds(script), invoicesQueried: false).State;
        Interlocked.Add(ref _statusCalls, statusCalls);
        Interlocked.Add(ref _invoiceCalls, invoiceCalls);
        lock (_lock)
        {
            if (statusCalls > 0)
                _answeredAt[sysId] = at;
            AddCalls(at, statusCalls + invoiceCalls);
            if (at >= MeasureFrom)
                CallsByState[state] = CallsByState.GetValueOrDefault(state) + statusCalls + invoiceCalls;
        }
    }

    /// <summary>The ServiceNow line sys_ids of a PO's lines, in line order (as <see cref="NewRecord"/> creates them).</summary>
    public static List<string> LineSysIds(OrderScript script) =>
        Enumerable.Range(1, script.LineCount).Select(n => $"{script.SysId}l{n}").ToList();

    /// <summary>ServiceNow: applies a write as the instance would.</summary>
    public void Apply(StatusUpdate update)
    {
        lock (_lock)
        {
            var po = _records[update.PoSysId];
            var fields = new Dictionary<string, string>(po.Fields, StringComparer.Ordinal);
            foreach (var (field, value) in update.PoFields)
                fields[field] = value;
            var lines = po.Lines.Select(line =>
            {
                var change = update.Lines.FirstOrDefault(l => l.SysId == line.SysId);
                if (change is null)
                    return line;
                var lineFields = new Dictionary<string, string>(line.Fields, StringComparer.Ordinal);
                foreach (var (field, value) in change.Fields)
                    lineFields[field] = value;
                return new PurchaseOrderLine(line.SysId, lineFields);
            }).ToList();
            _records[update.PoSysId] = new PurchaseOrder(po.SysId, po.Number, fields, lines);
        }
    }

    /// <summary>
    /// The activity log recorded the PO as updated or unchanged: ServiceNow now holds the answer it was evaluated
    /// from, so every change up to that answer has arrived.
    /// </summary>
    public void Held(string sysId, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (!_answeredAt.TryGetValue(sysId, out var answered))
                return;
            var changes = _scripts[sysId].Changes;
            var next = _delivered.GetValueOrDefault(sysId);
            while (next < changes.Count && changes[next].At <= answered)
            {
                var change = changes[next++];
                if (change.At >= MeasureFrom)
                    Lags.Add((change.Kind, change.Announced, at - change.At));
            }
            _delivered[sysId] = next;
        }
    }

    /// <summary>Changes that happened in the measured window but had not reached ServiceNow by <paramref name="end"/>, with their age then.</summary>
    public List<(ChangeKind Kind, bool Announced, TimeSpan Lag)> Undelivered(DateTimeOffset end)
    {
        lock (_lock)
        {
            var open = new List<(ChangeKind, bool, TimeSpan)>();
            foreach (var script in _scripts.Values)
            {
                var next = _delivered.GetValueOrDefault(script.SysId);
                foreach (var change in script.Changes.Skip(next).Where(c => c.At >= MeasureFrom && c.At <= end))
                    open.Add((change.Kind, change.Announced, end - change.At));
            }
            return open;
        }
    }

    /// <summary>The most TD SYNNEX calls made within any hour (sliding over the cycle times).</summary>
    public long PeakCallsInAnyHour()
    {
        lock (_lock)
        {
            long peak = 0, sum = 0;
            var start = 0;
            for (var i = 0; i < _callsByCycle.Count; i++)
            {
                sum += _callsByCycle[i].Calls;
                while (_callsByCycle[i].At - _callsByCycle[start].At >= TimeSpan.FromHours(1))
                    sum -= _callsByCycle[start++].Calls;
                peak = Math.Max(peak, sum);
            }
            return peak;
        }
    }

    static bool IsTerminal(PurchaseOrder record) => record["u_tds_order_status"] is "TDS Invoiced" or "TDS Cancelled";

    void AddCalls(DateTimeOffset at, int calls)
    {
        if (_callsByCycle.Count > 0 && _callsByCycle[^1].At == at)
            _callsByCycle[^1] = (at, _callsByCycle[^1].Calls + calls);
        else
            _callsByCycle.Add((at, calls));
    }

    /// <summary>The ServiceNow record of a PO when it is raised (before the connector wrote anything).</summary>
    public static PurchaseOrder NewRecord(OrderScript script)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sys_id"] = script.SysId, ["number"] = script.Number, ["status"] = "ordered", ["u_tds_cpo_id"] = "7" + script.Number[2..],
            ["u_tds_order_status"] = "", ["u_tracking_number"] = "", ["u_ship_date"] = "", ["u_vendor_notes"] = "",
        };
        var lines = Enumerable.Range(1, script.LineCount).Select(n => new PurchaseOrderLine($"{script.SysId}l{n}", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sys_id"] = $"{script.SysId}l{n}", ["purchase_order"] = script.SysId, ["ordered_quantity"] = script.Quantity(n).ToString(System.Globalization.CultureInfo.InvariantCulture), ["part_number"] = $"PN{n}",
            ["u_tds_line_number"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })).ToList();
        return new PurchaseOrder(script.SysId, script.Number, fields, lines);
    }
}
