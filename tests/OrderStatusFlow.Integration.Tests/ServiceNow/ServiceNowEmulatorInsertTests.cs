using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using OrderStatusFlow.Emulators.ServiceNow;

namespace OrderStatusFlow.Integration.Tests.ServiceNow;

/// <summary><see cref="ServiceNowEmulator.InsertRecord"/>: a record created while the emulator runs, as a user would.</summary>
public sealed class ServiceNowEmulatorInsertTests
{
    [Test]
    public async Task InsertRecord_NewPo_ListedByTheTableApiAndNotCountedAsARequest()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(2));

        emulator.InsertRecord("proc_po", ServiceNowScenario.PoRow("new-po", "BN0000009", "ordered", "900000009"));
        var requestsBefore = emulator.Stats[ServiceNowEmulatorStats.Requests];
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Sn.User}:{Sn.Password}")));
        var body = await http.GetStringAsync(new Uri(emulator.BaseUrl, "api/now/table/proc_po?sysparm_fields=number,u_tds_order_status,sys_mod_count&sysparm_query=number=BN0000009"));

        var rows = JObject.Parse(body)["result"]!.ToList();
        Assert.That(rows, Has.Count.EqualTo(1));
        Assert.That((string)rows[0]["u_tds_order_status"]!, Is.Empty);
        Assert.That((string)rows[0]["sys_mod_count"]!, Is.EqualTo("0"));
        Assert.That(requestsBefore, Is.Zero, "the insert is not an API request");
    }

    [Test]
    public async Task InsertRecord_UnknownColumnOrDuplicateSysId_RefusedWithWhatIsWrong()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(1));
        var existing = ServiceNowScenario.PoRow("dup", "BN0000007", "ordered", "900000007");
        emulator.InsertRecord("proc_po", existing);

        var unknown = new Dictionary<string, string>(existing) { ["sys_id"] = "other", ["u_not_a_column"] = "x" };
        Assert.That(() => emulator.InsertRecord("proc_po", unknown), Throws.ArgumentException.With.Message.Contains("u_not_a_column"));
        Assert.That(() => emulator.InsertRecord("proc_po", existing), Throws.ArgumentException.With.Message.Contains("already holds a record with sys_id dup"));
        Assert.That(() => emulator.InsertRecord("no_table", existing), Throws.ArgumentException.With.Message.Contains("no table 'no_table'"));
    }
}
