using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.TestKit;

namespace OrderStatusFlow.Core.Tests.Pipeline;

/// <summary>The file shape the team agreed on (BRIEF), with fakes registered under the real stage ids.</summary>
public sealed class ShippedPipelineShapeTests
{
    const string Json = """
        {
          "name": "order-status",
          "enabled": true,
          "interval": "00:00:05",
          "connections": {
            "servicenow": { "url": "${OSF_SERVICENOW_URL}", "user": "${OSF_SERVICENOW_USER}", "password": "${OSF_SERVICENOW_PASSWORD}",
                            "clientId": "${OSF_SERVICENOW_CLIENT_ID}", "clientSecret": "${OSF_SERVICENOW_CLIENT_SECRET}" },
            "tdsynnex":   { "url": "${OSF_TDSYNNEX_URL}", "invoiceUrl": "${OSF_TDSYNNEX_INVOICE_URL}", "user": "${OSF_TDSYNNEX_USER}",
                            "password": "${OSF_TDSYNNEX_PASSWORD}", "customer": "${OSF_TDSYNNEX_CUSTOMER}" }
          },
          "source": { "table": "proc_po", "lineTable": "proc_po_item",
                      "query": "u_tds_cpo_idISNOTEMPTY^statusNOT INreceived,canceled^u_tds_order_statusNOT INTDS Invoiced,TDS Cancelled",
                      "pageSize": 200 },
          "stages": [
            { "type": "servicenow.open-orders", "args": { "connection": "servicenow" } },
            { "type": "tdsynnex.status", "parallelism": 8, "boundedCapacity": 64, "args": { "requestsPerSecond": 0, "connection": "tdsynnex" } },
            { "type": "rules.evaluate", "parallelism": 2 },
            { "type": "servicenow.batch-update", "batchSize": 50, "flushAfter": "00:00:02", "args": {} }
          ],
          "settings": { "partialShipments": "status", "notFoundGraceCycles": 3 },
          "activityLog": { "path": "data/activity.db" }
        }
        """;

    static StageRegistry Registry() => new StageRegistry()
        .Register(new FakeStageFactory("servicenow.open-orders", StageRole.Source, _ => new InMemoryOrderSource()))
        .Register(new FakeStageFactory("tdsynnex.status", StageRole.Status, _ => new ScriptedStatusProvider()))
        .Register(new FakeStageFactory("rules.evaluate", StageRole.Rules, _ => new StaticRuleSetProvider()))
        .Register(new FakeStageFactory("servicenow.batch-update", StageRole.Writer, _ => new CollectingRecordWriter()));

    [Test]
    public void TryParse_AgreedShapeWithEnvironment_IsValid()
    {
        var env = new Dictionary<string, string>
        {
            ["OSF_SERVICENOW_URL"] = "https://acme.service-now.com",
            ["OSF_TDSYNNEX_URL"] = "https://ec.synnex.com",
        };

        var result = new PipelineDefinitionLoader(Registry(), n => env.GetValueOrDefault(n)).TryParse(Json, "pipelines/order-status.json");

        Assert.That(result.Problems, Is.Empty);
        var definition = result.Definition!;
        Assert.Multiple(() =>
        {
            Assert.That(definition.Settings["notFoundGraceCycles"], Is.EqualTo("3"));
            Assert.That(definition.NotFoundGraceCycles, Is.EqualTo(3));
            Assert.That(definition.Source.PageSize, Is.EqualTo(200));
            Assert.That((string?)definition.Connections["tdsynnex"]["url"], Is.EqualTo("https://ec.synnex.com"));
            Assert.That((string?)definition.Connections["servicenow"]["password"], Is.EqualTo(""), "unset and not required by the fake");
        });
    }

    [Test]
    public void TryParse_AgreedShapeWithoutEnvironment_NamesTheVariablesToSet()
    {
        var problems = new PipelineDefinitionLoader(Registry(), _ => null).TryParse(Json, "pipelines/order-status.json").Problems;

        Assert.That(problems.Select(p => p.Path), Is.EquivalentTo(new[] { "connections.servicenow.url", "connections.tdsynnex.url" }));
        Assert.That(problems.Select(p => p.Message), Has.Some.Contains("${OSF_TDSYNNEX_URL}").And.Some.Contains("${OSF_SERVICENOW_URL}"));
    }
}
