using OrderStatusFlow.TdSynnex.Status;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Emulators.TdSynnex;
using OrderStatusFlow.TdSynnex.Tests.Support;
using static OrderStatusFlow.TdSynnex.Tests.Support.TdSynnexTestBed;

namespace OrderStatusFlow.TdSynnex.Tests;

public sealed class TdSynnexScenarioDataTests
{
    static string DemoFile => Path.Combine(AppContext.BaseDirectory, "Scenarios", "demo.json");

    [Test]
    public async Task Generate_BenchStatesByIndex_InterpretedAsPlanned()
    {
        await using var bed = await StartAsync(TdSynnexScenario.Generate(6));

        var states = new List<PoState>();
        for (var i = 1; i <= 6; i++)
        {
            var po = Po($"BN{i:D7}", "", ("1", $"SKU-{i}-1", "2"), ("2", $"SKU-{i}-2", "3"), ("3", $"SKU-{i}-3", "4"));
            states.Add((await bed.StatusAsync(po)).State);
        }

        Assert.That(states, Is.EqualTo(new[] { PoState.Released, PoState.Backordered, PoState.Partial, PoState.Shipped, PoState.Invoiced, PoState.Accepted }));
    }

    [Test]
    public void Generate_SameCount_SameJson()
    {
        var first = TdSynnexScenario.Generate(12).ToJson();
        var second = TdSynnexScenario.Generate(12).ToJson();

        Assert.That(second, Is.EqualTo(first));
        Assert.That(TdSynnexScenario.FromJson(first).Orders, Has.Count.EqualTo(12));
    }

    [Test]
    public void DemoScenario_Loads_EighteenTimelinesBesideTheServiceNowSection()
    {
        var json = File.ReadAllText(DemoFile);
        var scenario = TdSynnexScenario.FromJson(json);

        Assert.That(Newtonsoft.Json.Linq.JObject.Parse(json).Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "servicenow", "tdsynnex" }));
        Assert.That(scenario.Orders.Select(o => o.PoNumber), Is.EqualTo(Enumerable.Range(1, 18).Select(i => $"PO00100{i:D2}")));
        Assert.That(scenario.Customer, Is.EqualTo("784512"));
        Assert.That(scenario.Faults.Select(f => f.Kind), Is.EqualTo(new[] { TdSynnexFaultKind.ErrorMessage, TdSynnexFaultKind.InvoiceNotAvailable }));
    }

    [Test]
    public async Task DemoScenario_Timelines_ShowEveryState()
    {
        var scenario = TdSynnexScenario.Load(DemoFile);
        scenario.LatencyMs = 0;
        await using var bed = await StartAsync(scenario);

        async Task<Dictionary<string, PoState>> SnapshotAsync()
        {
            var result = new Dictionary<string, PoState>();
            for (var i = 1; i <= 18; i++)
            {
                var number = $"PO00100{i:D2}";
                result[number] = (await bed.StatusAsync(DemoPo(number, line2Number: i == 17 ? "" : "2"))).State;
            }
            return result;
        }

        var start = await SnapshotAsync();
        bed.Emulator.AdvanceClock(TimeSpan.FromSeconds(120));
        var end = await SnapshotAsync();
        var seen = start.Values.Concat(end.Values).ToHashSet();

        Assert.That(start["PO0010008"], Is.EqualTo(PoState.NotFound));
        Assert.That(start["PO0010007"], Is.EqualTo(PoState.Cancelled), "rejected");
        Assert.That(end["PO0010006"], Is.EqualTo(PoState.Cancelled), "deleted header");
        Assert.That(end["PO0010001"], Is.EqualTo(PoState.Invoiced));
        Assert.That(end["PO0010010"], Is.EqualTo(PoState.Invoiced));
        Assert.That(seen, Is.SupersetOf(new[]
        {
            PoState.Accepted, PoState.Released, PoState.Backordered, PoState.Partial, PoState.Shipped, PoState.Invoiced, PoState.Cancelled, PoState.NotFound,
        }));
    }

    [Test]
    public async Task Emulator_InjectedTimeProvider_DrivesTheTimeline()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        await using var emulator = await TdSynnexEmulator.StartAsync(new TdSynnexScenario { Orders = [TdSynnexScenarios.Accepted("F1", at: 60)] }, time: time);
        using var http = new HttpClient();
        async Task<string> AskAsync()
        {
            using var content = new StringContent(TdSynnexStatusProviderTests.Envelope("2.7", "F1"), System.Text.Encoding.UTF8, "text/xml");
            using var response = await http.PostAsync(new Uri(emulator.BaseUrl, "SynnexXML/POStatus"), content);
            return await response.Content.ReadAsStringAsync();
        }

        var before = await AskAsync();
        time.Advance(TimeSpan.FromSeconds(61));
        var after = await AskAsync();

        Assert.That(before, Does.Contain("<Code>notFound</Code>"));
        Assert.That(after, Does.Contain("<Code>accepted</Code>").And.Contain("<ResponseDateTime>2026-11-27T08:01:01</ResponseDateTime>"));
        Assert.That(emulator.ClockSeconds, Is.EqualTo(61).Within(0.001));
    }
}
