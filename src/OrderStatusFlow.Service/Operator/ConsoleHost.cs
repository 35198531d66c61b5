using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderStatusFlow.Core.Hosting;
using OrderStatusFlow.Sqlite;
using OrderStatusFlow.Sqlite.Queries;

namespace OrderStatusFlow.Service.Operator;

/// <summary>
/// The operator console inside <c>run</c> and <c>demo</c>: Kestrel on <see cref="ConsoleOptions.Listen"/>, the pages,
/// the actions, <c>/healthz/*</c> and <c>/metrics</c>. Pages are server-rendered HTML with no script; every response
/// carries a content security policy that allows nothing but this origin's stylesheet and forms.
/// </summary>
sealed class ConsoleHost : IAsyncDisposable
{
    const string SecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    readonly WebApplication _app;
    readonly MetricsCollector _collector;

    ConsoleHost(WebApplication app, MetricsCollector collector, Uri url)
    {
        _app = app;
        _collector = collector;
        Url = url;
    }

    /// <summary>The address it really listens on (the bound port when 0 was asked for).</summary>
    public Uri Url { get; }

    /// <summary>Starts listening and restores a persisted pause; throws <see cref="IOException"/> when the address is taken.</summary>
    public static async Task<ConsoleHost> StartAsync(ConsoleOptions options, SyncService service, string dbPath, Serilog.ILogger logger, TimeSpan? countFreshness = null)
    {
        var collector = new MetricsCollector(TimeProvider.System);
        var actions = new OperatorActionLog(dbPath);
        if (await actions.LastPauseOrResumeAsync(CancellationToken.None) is { Action: "pause" } paused)
            service.SetPaused(true, $"paused by {paused.Who} at {paused.At}{(paused.Detail is null ? "" : ": " + paused.Detail)}");
        var console = new ConsoleContext
        {
            Service = service,
            Queries = new ConsoleQueries(dbPath),
            Actions = actions,
            Options = options,
            Collector = collector,
            CountFreshness = countFreshness ?? TimeSpan.FromSeconds(5),
        };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(options.Listen));
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteOptions>(o => o.LowercaseUrls = true);
        var app = builder.Build();
        app.Use(async (http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = SecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin"; // "no-referrer" would make the browser send "Origin: null" on our own forms
            headers.CacheControl = "no-store";
            try
            {
                await next(http);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !http.Response.HasStarted)
            {
                logger.Error(ex, "Console request {Path} failed", http.Request.Path.Value);
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await http.Response.WriteAsync("The console could not answer: " + ex.Message);
            }
        });
        app.MapGet("/console.css", () => Results.Text(Stylesheet.Css, "text/css; charset=utf-8"));
        CyclesPage.Map(app, console);
        FailuresPage.Map(app, console);
        PoPage.Map(app, console);
        RulesPage.Map(app, console);
        ActionRoutes.Map(app, console);
        HealthRoutes.Map(app, console);
        MetricsRoute.Map(app, console, collector);

        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ConsoleHost(app, collector, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _collector.Dispose();
    }
}
