using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Service.Commands;
using OrderStatusFlow.ServiceNow.OpenOrders;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Integration.Tests.EndToEnd;

/// <summary>The shipped pipeline file, read from the repository, against the real stage types.</summary>
public sealed class ShippedPipelineShapeTests
{
    static readonly string File = Path.Combine(RepoPaths.Root, "pipelines", "order-status.json");

    static readonly Dictionary<string, string> Environment = new()
    {
        ["OSF_SERVICENOW_URL"] = "https://acme.service-now.com",
        ["OSF_SERVICENOW_USER"] = "osf",
        ["OSF_SERVICENOW_PASSWORD"] = "secret",
        ["OSF_TDSYNNEX_URL"] = "https://ec.synnex.com",
        ["OSF_TDSYNNEX_INVOICE_URL"] = "https://ws.synnex.com",
        ["OSF_TDSYNNEX_USER"] = "tds",
        ["OSF_TDSYNNEX_PASSWORD"] = "secret",
        ["OSF_TDSYNNEX_CUSTOMER"] = "123",
    };

    [Test]
    public void ShippedFile_WithLintChecks_IsValidAndBindsTheSourceArgs()
    {
        var result = new PipelineDefinitionLoader(StageTypes.CreateRegistry(() => null, Serilog.Core.Logger.None), Environment.GetValueOrDefault, checkConnectionValues: false)
            .TryLoad(File, RepoPaths.Rules);

        Assert.That(result.Problems, Is.Empty);
        var definition = result.Definition!;
        var source = OpenOrdersOptions.Of(new StageContext { Definition = definition, Stage = definition.StageFor(StageRole.Source) });
        Assert.Multiple(() =>
        {
            Assert.That(definition.Stages.Select(s => s.Type), Is.EqualTo(new[] { "servicenow.open-orders", "tdsynnex.status", "rules.evaluate", "servicenow.batch-update" }));
            Assert.That(definition.NotFoundGraceCycles, Is.EqualTo(3));
            Assert.That((source.Table, source.LineTable, source.PageSize), Is.EqualTo(("proc_po", "proc_po_item", 200)));
            Assert.That(source.Query, Does.StartWith("u_tds_cpo_idISNOTEMPTY"));
            Assert.That((string?)definition.Connections["tdsynnex"]["url"], Is.EqualTo("https://ec.synnex.com"));
            Assert.That(definition.ActivityLogPath, Is.EqualTo("data/activity.db"));
        });
    }

    [Test]
    public void ShippedFile_WithoutEnvironment_NamesTheVariablesToSet()
    {
        var problems = new PipelineDefinitionLoader(StageTypes.CreateRegistry(() => null, Serilog.Core.Logger.None), _ => null)
            .TryLoad(File, RepoPaths.Rules).Problems;

        Assert.That(problems.Select(p => p.Path), Does.Contain("connections.servicenow.url").And.Contain("connections.tdsynnex.url"));
        Assert.That(problems.Select(p => p.Message), Has.Some.Contains("${OSF_TDSYNNEX_URL}").And.Some.Contains("${OSF_SERVICENOW_URL}"));
    }
}
