using System.CommandLine;
using OrderStatusFlow.Bench.ActivityLog;
using OrderStatusFlow.Service.Cli;

namespace OrderStatusFlow.Bench.Commands;

/// <summary><c>bench log</c>: the activity log over simulated days (see <see cref="LogBenchRunner"/> and the README).</summary>
static class LogBenchCommand
{
    public static Command Create()
    {
        var d = new LogBenchSettings();
        var pos = new Option<int>("--pos") { Description = "Open POs", DefaultValueFactory = _ => d.Pos };
        var days = new Option<int>("--days") { Description = "Simulated days", DefaultValueFactory = _ => d.Days };
        var retention = new Option<TimeSpan>("--retention") { Description = "Retention applied (d.hh:mm:ss)", DefaultValueFactory = _ => d.Retention };
        var stateEvery = new Option<int>("--state-every") { Description = "Upsert unchanged POs' po_state every Nth cycle (1 = every cycle)", DefaultValueFactory = _ => d.StateEvery };
        var unchangedHours = new Option<int>("--unchanged-hours") { Description = "Hours simulated with recordUnchanged true", DefaultValueFactory = _ => d.UnchangedHours };
        var latestPos = new Option<int>("--latest-status-pos") { Description = "POs for the v_latest_status timing", DefaultValueFactory = _ => d.LatestStatusPos };
        var folder = new Option<string?>("--folder") { Description = "Keep the bench files in this folder (default: a temp folder, deleted)" };
        var command = new Command("log", "Simulate days of the activity log (no HTTP) and time the analyst queries, retention and the writer")
        {
            pos, days, retention, stateEvery, unchangedHours, latestPos, folder,
        };
        command.SetAction(async (p, ct) =>
        {
            var settings = d with
            {
                Pos = p.GetValue(pos), Days = p.GetValue(days), Retention = p.GetValue(retention), StateEvery = p.GetValue(stateEvery),
                UnchangedHours = p.GetValue(unchangedHours), LatestStatusPos = p.GetValue(latestPos), Folder = p.GetValue(folder),
            };
            if (settings.Pos < 1 || settings.Days < 1 || settings.StateEvery < 1 || settings.LatestStatusPos < 1 || settings.Retention <= TimeSpan.Zero)
            {
                Console.Error.WriteLine("osf bench log: --pos, --days, --state-every, --latest-status-pos must be at least 1 and --retention positive.");
                return ExitCodes.Usage;
            }
            var result = await LogBenchRunner.RunAsync(settings, Console.Error, ct);
            Console.Out.Write(result.ToText());
            return ExitCodes.Ok;
        });
        return command;
    }
}
