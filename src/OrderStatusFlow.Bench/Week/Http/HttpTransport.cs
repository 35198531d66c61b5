using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;
using OrderStatusFlow.Service.Commands;
using Serilog;

namespace OrderStatusFlow.Bench.Week.Http;

/// <summary>
/// The week over loopback HTTP: the shipped pipeline file's stages (the real ServiceNow and TD SYNNEX clients) talk to
/// the project's emulators, hosted here on the bench's virtual clock. The ServiceNow emulator's tables hold the
/// world's PO records (a PO appears when it is raised); the TD SYNNEX emulator serves each PO's script as a timeline
/// (<see cref="ScriptTimeline"/>). Calls and requests are the emulators' counts, handed to the world after each cycle.
/// </summary>
internal sealed class HttpTransport : IWeekTransport
{
    const string PoTable = "proc_po", LineTable = "proc_po_item";

    readonly SimulatedWorld _world;
    readonly List<OrderScript> _byArrival;
    readonly Dictionary<string, (int Status, int Invoice)> _seen = new(StringComparer.Ordinal);
    readonly string _folder;
    PipelineAssembler? _assembler;
    IRuleSetProvider? _rules;
    int _raised;
    long _serviceNowSeen;

    HttpTransport(SimulatedWorld world, List<OrderScript> byArrival, ServiceNowEmulator serviceNow, TdSynnexEmulator tdSynnex, string folder)
    {
        _world = world;
        _byArrival = byArrival;
        ServiceNow = serviceNow;
        TdSynnex = tdSynnex;
        _folder = folder;
        Log = new WorldLog(world, deferHeld: true);
    }

    public string Name => "http";

    public ServiceNowEmulator ServiceNow { get; }

    public TdSynnexEmulator TdSynnex { get; }

    public PipelineDefinition Definition { get; private set; } = null!;

    public PipelineSeams Seams { get; private set; } = null!;

    public WorldLog Log { get; }

    /// <summary>Starts both emulators on <paramref name="time"/> (already at the week's start) and builds the shipped stages against them.</summary>
    public static async Task<HttpTransport> StartAsync(
        SimulatedWorld world, IEnumerable<OrderScript> scripts, TimeProvider time, WeekSettings settings, int maxRequestsPerHour,
        IRuleSetProvider rules, ILogger logger)
    {
        var now = time.GetUtcNow();
        var byArrival = scripts.OrderBy(s => s.AcceptedAt).ToList();
        var raised = byArrival.TakeWhile(s => s.AcceptedAt <= now).ToList();
        var pos = raised.Select(PoRow).ToList();
        var lines = raised.SelectMany(LineRows).ToList();
        var serviceNow = await ServiceNowEmulator.StartAsync(new ServiceNowScenario
        {
            Tables = new(StringComparer.Ordinal) { [PoTable] = pos, [LineTable] = lines },
        }, time: time);
        TdSynnexEmulator tdSynnex;
        try
        {
            tdSynnex = await TdSynnexEmulator.StartAsync(new TdSynnexScenario
            {
                Orders = byArrival.Select(s => ScriptTimeline.Build(s, now)).ToList(),
            }, time: time);
        }
        catch
        {
            await serviceNow.DisposeAsync(); // nothing owns it yet
            throw;
        }
        var folder = Path.Combine(Path.GetTempPath(), "osf-week-http-" + Guid.NewGuid().ToString("N")[..12]);
        var transport = new HttpTransport(world, byArrival, serviceNow, tdSynnex, folder) { _raised = raised.Count };
        try
        {
            Directory.CreateDirectory(folder);
            var path = WeekPipelineFile.Rewrite(settings.PipelinePath, serviceNow.BaseUrl, tdSynnex.BaseUrl, settings.Interval, maxRequestsPerHour, folder);
            StageTypes.ClearConnectionEnvironment(); // the file's emulator endpoints, never an instance named in the shell
            var registry = StageTypes.CreateRegistry(() => transport.Log, logger);
            var loaded = new PipelineDefinitionLoader(registry, _ => null).TryLoad(path, settings.RulesFolder);
            if (!loaded.IsValid)
                throw new InvalidOperationException($"The pipeline file {settings.PipelinePath}, pointed at the emulators, is not valid:\n" + string.Join("\n", loaded.Problems));
            transport.Definition = loaded.Definition!;
            transport._assembler = new PipelineAssembler(registry) { RulesFolder = settings.RulesFolder, TimeProvider = time, Logger = logger };
            transport._rules = rules;
            transport.Seams = transport._assembler.Create(transport.Definition, rules);
            return transport;
        }
        catch
        {
            await transport.DisposeAsync();
            throw;
        }
    }

    public async Task RestartAsync()
    {
        await DisposeSeamsAsync().ConfigureAwait(false);
        Seams = _assembler!.Create(Definition, _rules);
    }

    public Task BeforeCycleAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (; _raised < _byArrival.Count && _byArrival[_raised].AcceptedAt <= at; _raised++)
        {
            var script = _byArrival[_raised];
            ServiceNow.InsertRecord(PoTable, PoRow(script));
            foreach (var line in LineRows(script))
                ServiceNow.InsertRecord(LineTable, line);
        }
        return Task.CompletedTask;
    }

    public Task AfterCycleAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _raised; i++)
        {
            var script = _byArrival[i];
            var status = TdSynnex.Stats.StatusRequestsFor(script.Number);
            var invoice = TdSynnex.Stats.InvoiceRequestsFor(script.Number);
            var seen = _seen.GetValueOrDefault(script.SysId);
            if (status == seen.Status && invoice == seen.Invoice)
                continue;
            _world.RecordAnswer(script.SysId, at, status - seen.Status, invoice - seen.Invoice);
            _seen[script.SysId] = (status, invoice);
        }
        var requests = ServiceNow.Stats[ServiceNowEmulatorStats.Requests];
        _world.CountServiceNowRequests((int)(requests - _serviceNowSeen));
        _serviceNowSeen = requests;
        Log.ReplayHeld();
        return Task.CompletedTask;
    }

    /// <summary>The PO as ServiceNow holds it now, or null.</summary>
    public IReadOnlyDictionary<string, string>? PoRecord(string sysId) => ServiceNow.GetRecord(PoTable, sysId);

    static Dictionary<string, string> PoRow(OrderScript script)
    {
        var record = SimulatedWorld.NewRecord(script);
        var row = ServiceNowScenario.PoRow(record.SysId, record.Number, record["status"], record["u_tds_cpo_id"]);
        foreach (var (field, value) in record.Fields)
            row[field] = value;
        return row;
    }

    static IEnumerable<Dictionary<string, string>> LineRows(OrderScript script) =>
        SimulatedWorld.NewRecord(script).Lines.Select(line =>
        {
            var row = ServiceNowScenario.LineRow(line.SysId, line["purchase_order"], line["u_tds_line_number"], line["part_number"], line["ordered_quantity"]);
            foreach (var (field, value) in line.Fields)
                row[field] = value;
            return row;
        });

    async Task DisposeSeamsAsync()
    {
        if (Seams is null)
            return;
        foreach (var seam in new object[] { Seams.Source, Seams.Status, Seams.Writer })
        {
            if (seam is IAsyncDisposable asyncDisposable)
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            else if (seam is IDisposable disposable)
                disposable.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeSeamsAsync();
        await TdSynnex.DisposeAsync();
        await ServiceNow.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
