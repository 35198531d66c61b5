using OrderStatusFlow.TdSynnex.Status;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Emulators.TdSynnex;
using OrderStatusFlow.TdSynnex;

namespace OrderStatusFlow.TdSynnex.Tests.Support;

/// <summary>An emulator on a free loopback port plus the real provider pointed at it, with quick retry settings.</summary>
internal sealed class TdSynnexTestBed : IAsyncDisposable
{
    public const string Password = "demo-password";

    TdSynnexTestBed(TdSynnexEmulator emulator, TdSynnexOptions options, TdSynnexStatusProvider provider, HttpClient http)
    {
        Emulator = emulator;
        Options = options;
        Provider = provider;
        Http = http;
    }

    public TdSynnexEmulator Emulator { get; }
    public TdSynnexOptions Options { get; }
    public TdSynnexStatusProvider Provider { get; }
    public HttpClient Http { get; }

    public static async Task<TdSynnexTestBed> StartAsync(TdSynnexScenario scenario, Action<TdSynnexOptions>? configure = null, TimeProvider? time = null)
    {
        var emulator = await TdSynnexEmulator.StartAsync(scenario);
        var options = new TdSynnexOptions
        {
            Url = emulator.BaseUrl.ToString(),
            InvoiceUrl = emulator.BaseUrl.ToString(),
            User = "purchasing@acme-msp.example",
            Password = Password,
            Customer = "784512",
            RequestTimeout = TimeSpan.FromSeconds(2),
            MaxAttempts = 3,
            BaseDelay = TimeSpan.FromMilliseconds(5),
        };
        configure?.Invoke(options);
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        return new TdSynnexTestBed(emulator, options, TdSynnexStatusProvider.Create(options, http, time), http);
    }

    public Task<OrderStatus> StatusAsync(PurchaseOrder po) => Provider.GetStatusAsync(po, CancellationToken.None);

    /// <summary>A two-line PO shaped like the demo data: line 1 20XW00ABUS x4, line 2 40B00135US x2.</summary>
    public static PurchaseOrder DemoPo(string number, string notes = "", string line2Number = "2") =>
        Po(number, notes, ("1", "20XW00ABUS", "4"), (line2Number, "40B00135US", "2"));

    public static PurchaseOrder Po(string number, string notes, params (string Line, string Part, string Ordered)[] lines) =>
        new("sys-" + number, number, new Dictionary<string, string> { ["u_vendor_notes"] = notes },
            lines.Select((l, i) => new PurchaseOrderLine($"{number}-ln{i + 1}", new Dictionary<string, string>
            {
                ["u_tds_line_number"] = l.Line, ["part_number"] = l.Part, ["ordered_quantity"] = l.Ordered,
            }, l.Line)).ToList());

    public static TdSynnexScenario RawScenario(string poNumber, string body, string endpoint = "status", int statusCode = 200) => new()
    {
        Faults = [new TdSynnexFault { PoNumber = poNumber, Endpoint = endpoint, Kind = TdSynnexFaultKind.Raw, Calls = 0, Body = body, StatusCode = statusCode }],
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
