using Serilog;
using Serilog.Events;
using Serilog.Sinks.SystemConsole.Themes;

namespace OrderStatusFlow.Service.Cli;

/// <summary>The one Serilog configuration of the process: console, compact, with the source of each line.</summary>
static class Logging
{
    /// <param name="verbose">Debug logging.</param>
    /// <param name="toStandardError">Every line to stderr (the bench keeps stdout for its result).</param>
    public static ILogger Create(bool verbose = false, bool toStandardError = false) =>
        new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(
                outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}",
                theme: ConsoleTheme.None,
                standardErrorFromLevel: toStandardError ? LogEventLevel.Verbose : LogEventLevel.Fatal)
            .CreateLogger();
}
