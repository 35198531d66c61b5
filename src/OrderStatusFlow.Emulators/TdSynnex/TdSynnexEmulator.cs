using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrderStatusFlow.Emulators.TdSynnex;

/// <summary>
/// A loopback HTTP emulator of TD SYNNEX: <c>POST /SynnexXML/POStatus</c> and <c>POST /webservice/invoice/query</c>,
/// plus <c>GET /_emulator/stats</c>, <c>GET /_emulator/clock</c> and <c>POST /_emulator/clock/advance?seconds=N</c>.
/// Use <see cref="BaseUrl"/> as both the XML host and the web-service host.
/// </summary>
public sealed class TdSynnexEmulator : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly TdSynnexClock _clock;

    TdSynnexEmulator(WebApplication app, TdSynnexClock clock, TdSynnexStats stats, Uri baseUrl)
    {
        _app = app;
        _clock = clock;
        Stats = stats;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public TdSynnexStats Stats { get; }

    /// <summary>Seconds on the scenario clock.</summary>
    public double ClockSeconds => _clock.Seconds;

    public void AdvanceClock(TimeSpan by) => _clock.Advance(by);

    public static async Task<TdSynnexEmulator> StartAsync(TdSynnexScenario scenario, int port = 0, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var clock = new TdSynnexClock(time);
        var stats = new TdSynnexStats();
        var responder = new TdSynnexResponder(scenario, clock, time, stats);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        EmbeddedLifetime.Use(builder.Services);
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/SynnexXML/POStatus", context => responder.HandleAsync(context, "status"));
        app.MapPost("/webservice/invoice/query", context => responder.HandleAsync(context, "invoice"));
        app.MapGet("/_emulator/stats", () => Results.Json(stats.Snapshot()));
        app.MapGet("/_emulator/clock", () => Results.Json(new { seconds = clock.Seconds }));
        app.MapPost("/_emulator/clock/advance", (HttpContext context) =>
        {
            if (!double.TryParse(context.Request.Query["seconds"], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
                return Results.BadRequest(new { error = "seconds must be a non-negative number, e.g. /_emulator/clock/advance?seconds=30" });
            clock.Advance(TimeSpan.FromSeconds(seconds));
            return Results.Json(new { seconds = clock.Seconds });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TdSynnexEmulator(app, clock, stats, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
