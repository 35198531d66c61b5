using System.CommandLine;
using OrderStatusFlow.Service.Cli;
using OrderStatusFlow.Service.Commands;

// The osf command (run.sh and run.ps1 forward to it). Exit codes: Cli/ExitCodes.cs.
GlibcHeap.Configure();
RedactingWriter.Install();
var pipeline = new Option<string?>("--pipeline") { Description = $"Pipeline definition file (default {CliPaths.DefaultPipeline}, or OSF_PIPELINE)" };
var rules = new Option<string?>("--rules") { Description = $"Rules folder (default {CliPaths.DefaultRules}, or OSF_RULES)" };
var db = new Option<string?>("--db") { Description = "Activity log file (default: OSF_DB, else the pipeline's activityLog.path, else data/activity.db)" };
var once = new Option<bool>("--once") { Description = "Run one full cycle and exit (0 done, 1 could not run, 3 some orders failed)" };
var po = new Option<string[]>("--po")
{
    Description = "With --once: check only these PO numbers, whatever their next check time (repeat or comma-separate for several)",
    AllowMultipleArgumentsPerToken = true,
};
var dryRun = new Option<bool>("--dry-run") { Description = "Compute and log every write (outcome would_update), send none" };
var verbose = new Option<bool>("--verbose", "-v") { Description = "Debug logging", Recursive = true };
var snPort = new Option<int>("--port-servicenow") { Description = "ServiceNow emulator port (0 = any free port)", DefaultValueFactory = _ => 18080 };
var tdsPort = new Option<int>("--port-tdsynnex") { Description = "TD SYNNEX emulator port (0 = any free port)", DefaultValueFactory = _ => 18081 };
var scenario = new Option<string?>("--scenario") { Description = "Emulator scenario file (default: the demo scenario)" };

var root = new RootCommand("OrderStatusFlow: keeps ServiceNow purchase orders up to date with TD SYNNEX.") { verbose };

var demo = new Command("demo", "Both emulators with a demo scenario, and the pipeline running against them until Ctrl+C") { rules, db };
demo.SetAction((p, ct) => DemoCommand.RunAsync(p.GetValue(rules), p.GetValue(db), p.GetValue(verbose)));

var run = new Command("run", "The long-lived process against the configured endpoints") { pipeline, rules, db, once, po, dryRun };
run.Validators.Add(r =>
{
    if (r.GetValue(po) is { Length: > 0 } && !r.GetValue(once))
        r.AddError("--po needs --once: './run.sh run --once --po PO0001'; the long-running process checks POs when they are due.");
});
run.SetAction((p, ct) => RunCommand.RunAsync(
    CliPaths.Resolve(p.GetValue(pipeline), p.GetValue(rules), p.GetValue(db)), p.GetValue(once), p.GetValue(dryRun), p.GetValue(verbose),
    (p.GetValue(po) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray()));

var lint = new Command("lint", "Validate the pipeline definition and compile every rule; exit 1 on any problem") { pipeline, rules };
lint.SetAction((p, ct) => LintCommand.RunAsync(CliPaths.Resolve(p.GetValue(pipeline), p.GetValue(rules), null)));

var rulesCommand = new Command("rules", "Rule scripts");
var rulesTest = new Command("test", "Run the rule fixtures (rules/*.tests.json) against the rule scripts") { rules };
rulesTest.SetAction((p, ct) => RulesTestCommand.RunAsync(CliPaths.Resolve(null, p.GetValue(rules), null)));
rulesCommand.Subcommands.Add(rulesTest);

var emulators = new Command("emulators", "Only the two emulators, until Ctrl+C") { snPort, tdsPort, scenario };
emulators.SetAction((p, ct) => EmulatorsCommand.RunAsync(p.GetValue(snPort), p.GetValue(tdsPort), p.GetValue(scenario)));

var logWhat = new Argument<string>("what") { Description = "runs | failures | po | info", DefaultValueFactory = _ => "runs" };
var logPo = new Argument<string?>("po-number") { Description = "With 'po': the PO number", Arity = ArgumentArity.ZeroOrOne };
var limit = new Option<int>("--limit") { Description = "Rows to show", DefaultValueFactory = _ => 20 };
var log = new Command("log", "Common questions to the activity log: last runs, open failures, one PO's history") { logWhat, logPo, pipeline, db, limit };
log.SetAction((p, ct) => LogCommand.RunAsync(
    CliPaths.Resolve(p.GetValue(pipeline), null, p.GetValue(db)), p.GetValue(logWhat)!, p.GetValue(logPo), p.GetValue(limit)));
var exportSince = new Option<string?>("--since") { Description = "Events at or after this UTC time (ISO-8601, e.g. 2026-11-01 or 2026-11-01T08:00:00Z)" };
var exportUntil = new Option<string?>("--until") { Description = "Events before this UTC time (ISO-8601)" };
var exportOutcome = new Option<string?>("--outcome") { Description = "Only this outcome: updated | unchanged | skipped | failed | would_update" };
var exportPo = new Option<string?>("--po") { Description = "Only this PO number" };
var exportFormat = new Option<string>("--format") { Description = "csv | jsonl", Required = true };
var export = new Command("export", "Stream activity-log events to stdout as CSV or JSON Lines") { exportSince, exportUntil, exportOutcome, exportPo, exportFormat, pipeline, db };
export.SetAction((p, ct) => LogExportCommand.RunAsync(
    CliPaths.Resolve(p.GetValue(pipeline), null, p.GetValue(db)),
    p.GetValue(exportSince), p.GetValue(exportUntil), p.GetValue(exportOutcome), p.GetValue(exportPo), p.GetValue(exportFormat)!, ct));
log.Subcommands.Add(export);

var doctor = new Command("doctor", "Check credentials, the source query and field permissions against the configured endpoints") { pipeline, rules };
doctor.SetAction((p, ct) => DoctorCommand.RunAsync(CliPaths.Resolve(p.GetValue(pipeline), p.GetValue(rules), null)));

root.Subcommands.Add(demo);
root.Subcommands.Add(run);
root.Subcommands.Add(lint);
root.Subcommands.Add(rulesCommand);
root.Subcommands.Add(emulators);
root.Subcommands.Add(log);
root.Subcommands.Add(doctor);

var parsed = root.Parse(args.Length == 0 ? ["demo"] : args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
        Console.Error.WriteLine($"osf: {error.Message}");
    Console.Error.WriteLine("Run './run.sh --help' (or './run.sh <command> --help') for usage.");
    return ExitCodes.Usage;
}
// Ctrl+C and SIGTERM belong to the commands (Cli/StopSignal.cs: drain, flush, exit 0). System.CommandLine's own
// handler would end the process 2 s after the signal, in the middle of a drain, so it is switched off.
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
