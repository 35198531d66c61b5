using System.Text.Json;

namespace OrderStatusFlow.Bench.Cycle;

/// <summary>
/// Both emulators' request counters at one moment, read over HTTP from <c>GET /_emulator/stats</c> (the emulators run
/// in the child process). Subtract two snapshots for one cycle's requests.
/// </summary>
sealed record EmulatorCounters
{
    public long TdsStatus { get; init; }
    public long TdsInvoice { get; init; }
    public int TdsMaxConcurrent { get; init; }

    /// <summary>POs that got at least one status request so far, and the most status requests any one PO got.</summary>
    public int TdsPosQueried { get; init; }
    public int TdsMaxStatusPerPo { get; init; }

    public long SnRequests { get; init; }
    public long SnTableReads { get; init; }
    public long SnBatchRequests { get; init; }
    public long SnBatchItems { get; init; }

    public static async Task<EmulatorCounters> ReadAsync(HttpClient http, Uri serviceNow, Uri tdSynnex, CancellationToken cancellationToken)
    {
        using var sn = await ReadJsonAsync(http, serviceNow, cancellationToken);
        using var tds = await ReadJsonAsync(http, tdSynnex, cancellationToken);
        var byPo = tds.RootElement.GetProperty("statusByPo");
        int queried = 0, maxPerPo = 0;
        foreach (var po in byPo.EnumerateObject())
        {
            queried++;
            maxPerPo = Math.Max(maxPerPo, po.Value.GetInt32());
        }
        return new EmulatorCounters
        {
            TdsStatus = tds.RootElement.GetProperty("status").GetInt64(),
            TdsInvoice = tds.RootElement.GetProperty("invoice").GetInt64(),
            TdsMaxConcurrent = tds.RootElement.GetProperty("maxConcurrent").GetInt32(),
            TdsPosQueried = queried,
            TdsMaxStatusPerPo = maxPerPo,
            SnRequests = Counter(sn, "requests"),
            SnTableReads = Counter(sn, "table_reads"),
            SnBatchRequests = Counter(sn, "batch_requests"),
            SnBatchItems = Counter(sn, "batch_items"),
        };
    }

    /// <summary>This snapshot minus an earlier one (the per-PO figures stay cumulative).</summary>
    public EmulatorCounters Since(EmulatorCounters before) => this with
    {
        TdsStatus = TdsStatus - before.TdsStatus,
        TdsInvoice = TdsInvoice - before.TdsInvoice,
        SnRequests = SnRequests - before.SnRequests,
        SnTableReads = SnTableReads - before.SnTableReads,
        SnBatchRequests = SnBatchRequests - before.SnBatchRequests,
        SnBatchItems = SnBatchItems - before.SnBatchItems,
    };

    static async Task<JsonDocument> ReadJsonAsync(HttpClient http, Uri baseUrl, CancellationToken cancellationToken)
    {
        var url = new Uri(baseUrl.ToString().TrimEnd('/') + "/_emulator/stats");
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}; the bench emulators are not serving their stats.");
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
    }

    static long Counter(JsonDocument doc, string name) =>
        doc.RootElement.TryGetProperty(name, out var value) ? value.GetInt64() : 0;
}
