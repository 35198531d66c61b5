using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Service.Cli;
using OrderStatusFlow.ServiceNow;

namespace OrderStatusFlow.Service.Commands;

/// <summary>
/// <c>doctor</c>: checks, against the configured endpoints, that the integration user can authenticate, read the
/// source query and every field the connector reads and writes, and that TD SYNNEX accepts the credentials; says
/// exactly what is missing.
/// </summary>
static class DoctorCommand
{
    public static async Task<int> RunAsync(CliPaths paths)
    {
        var registry = StageTypes.CreateRegistry(() => null, Serilog.Core.Logger.None);
        var loaded = new PipelineDefinitionLoader(registry).TryLoad(paths.Pipeline, paths.Rules);
        if (!loaded.IsValid)
        {
            PipelineStartup.PrintProblems(loaded.Problems);
            return ExitCodes.CouldNotRun;
        }
        var definition = loaded.Definition!;
        var errors = 0;

        var sourceContext = new StageContext { Definition = definition, Stage = definition.StageFor(StageRole.Source) };
        using (var client = new ServiceNowClient(ServiceNowConnection.Options(sourceContext)))
        {
            foreach (var finding in await new ServiceNowDoctor(client).CheckAsync())
            {
                Console.WriteLine($"servicenow {finding}");
                if (finding.Level == ServiceNowFindingLevel.Error)
                    errors++;
            }
        }

        var statusStage = definition.StageFor(StageRole.Status);
        var status = (IStatusProvider)registry.Get(statusStage.Type).Create(statusStage.Args, new StageContext { Definition = definition, Stage = statusStage });
        try
        {
            // A PO number that cannot exist: "notFound" proves the credentials, customer number and IP are accepted.
            var probe = new PurchaseOrder("osf-doctor", "OSF-DOCTOR-PROBE", new Dictionary<string, string>(), []);
            var answer = await status.GetStatusAsync(probe, CancellationToken.None);
            Console.WriteLine($"tdsynnex [ok] authenticate: TD SYNNEX accepted the credentials and customer number (probe answered '{answer.HeaderCode}')");
        }
        catch (SyncException ex)
        {
            Console.WriteLine($"tdsynnex [error] authenticate: {ex.Message}");
            errors++;
        }
        finally
        {
            (status as IDisposable)?.Dispose();
        }

        Console.WriteLine(errors == 0 ? "doctor: everything checked is in order." : $"doctor: {errors} problem(s) to fix (see above).");
        return errors == 0 ? ExitCodes.Ok : ExitCodes.CouldNotRun;
    }
}
