using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>
/// A ServiceNow instance on loopback: Table API, Batch API and OAuth, with the limits and faults of its
/// <see cref="ServiceNowScenario"/>. Admin: <c>GET /_emulator/stats</c>, <c>GET /_emulator/writes</c>,
/// <c>POST /_emulator/clock/advance?seconds=N</c>, <c>POST /_emulator/hibernate?on=true|false</c>.
/// </summary>
public sealed class ServiceNowEmulator : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly InstanceState _state;
    readonly SemaphoreSlim? _capacity;

    ServiceNowEmulator(WebApplication app, InstanceState state)
    {
        _app = app;
        _state = state;
        _capacity = state.Scenario.MaxConcurrent > 0 ? new SemaphoreSlim(state.Scenario.MaxConcurrent) : null;
    }

    /// <summary>The instance URL, e.g. <c>http://127.0.0.1:53123/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public ServiceNowEmulatorStats Stats => _state.Stats;

    /// <summary>Every write that committed, in commit order.</summary>
    public IReadOnlyList<ServiceNowCommittedWrite> CommittedWrites => _state.Writes;

    public bool Hibernating
    {
        get => _state.Hibernating;
        set => _state.Hibernating = value;
    }

    /// <summary>A copy of one record as stored now, or null.</summary>
    public IReadOnlyDictionary<string, string>? GetRecord(string table, string sysId) => _state.Store.Get(table, sysId);

    /// <summary>Copies of the records of <paramref name="table"/> whose <paramref name="field"/> is <paramref name="value"/>.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> FindRecords(string table, string field, string value) =>
        _state.Store.Query(table, EncodedQuery.Parse($"{field}={value}"), 0, int.MaxValue).Page;

    /// <summary>
    /// A person edits a record in the instance (as in its forms): the values are stored, <c>sys_updated_on</c> and
    /// <c>sys_mod_count</c> move as for any update; it is not a connector write, so it is not in
    /// <see cref="CommittedWrites"/>. Returns false when the record does not exist.
    /// </summary>
    public bool EditAsPerson(string table, string sysId, IReadOnlyDictionary<string, string> values) =>
        _state.Store.Patch(table, sysId, values, _ => false, _state.Clock.Now) is not null;

    /// <summary>Moves the scenario clock (token expiry, rate-limit windows) forward.</summary>
    public void AdvanceClock(TimeSpan by) => _state.Clock.Advance(by);

    public static async Task<ServiceNowEmulator> StartAsync(ServiceNowScenario scenario, int port = 0, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        EmbeddedLifetime.Use(builder.Services);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, port);
            k.Limits.MaxRequestLineSize = 256 * 1024;
            k.Limits.MaxRequestBufferSize = 1024 * 1024;
        });
        var app = builder.Build();
        var state = new InstanceState(scenario, new EmulatorClock(time ?? TimeProvider.System));
        var emulator = new ServiceNowEmulator(app, state);
        var router = new InstanceRouter(state);
        app.Run(context => emulator.HandleAsync(context, router));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.BaseUrl = new Uri(address.Replace("[::1]", "127.0.0.1").TrimEnd('/') + "/");
        return emulator;
    }

    async Task HandleAsync(HttpContext context, InstanceRouter router)
    {
        var http = context.Request;
        if (http.Path.StartsWithSegments("/_emulator"))
        {
            await AdminAsync(context);
            return;
        }
        if (_capacity is not null)
            await _capacity.WaitAsync(context.RequestAborted);
        try
        {
            if (_state.Scenario.LatencyMs > 0)
                await Task.Delay(_state.Scenario.LatencyMs, context.RequestAborted);
            using var reader = new StreamReader(http.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var request = new SnRequest(http.Method.ToUpperInvariant(), http.Path.Value ?? "/", SnRequest.ParseQuery(http.QueryString.Value ?? ""), body, BaseUrl);
            var response = await router.HandleAsync(request, http.Headers.Authorization.FirstOrDefault(), http.ContentType,
                () => Task.FromResult(SnRequest.ParseQuery("?" + body)));
            await WriteAsync(context, response);
        }
        finally
        {
            _capacity?.Release();
        }
    }

    async Task AdminAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        SnResponse response;
        if (path.EndsWith("/stats", StringComparison.Ordinal))
            response = SnResponse.Json(200, JObject.FromObject(_state.Stats.Snapshot()));
        else if (path.EndsWith("/writes", StringComparison.Ordinal))
            response = SnResponse.Json(200, JArray.FromObject(_state.Writes));
        else if (path.EndsWith("/clock/advance", StringComparison.Ordinal) && double.TryParse(context.Request.Query["seconds"], out var seconds))
        {
            AdvanceClock(TimeSpan.FromSeconds(seconds));
            response = SnResponse.Json(200, new JObject { ["now"] = _state.Clock.Now.ToString("O") });
        }
        else if (path.EndsWith("/hibernate", StringComparison.Ordinal))
        {
            Hibernating = context.Request.Query["on"] != "false";
            response = SnResponse.Json(200, new JObject { ["hibernating"] = Hibernating });
        }
        else
            response = SnResponse.Error(404, "Unknown admin endpoint", "use /_emulator/stats, /writes, /clock/advance?seconds=N or /hibernate?on=true|false");
        await WriteAsync(context, response);
    }

    static async Task WriteAsync(HttpContext context, SnResponse response)
    {
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
            context.Response.Headers[name] = value;
        await context.Response.Body.WriteAsync(response.BodyBytes, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _capacity?.Dispose();
    }
}
