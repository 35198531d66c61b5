using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using OrderStatusFlow.Emulators.ServiceNow;

namespace OrderStatusFlow.Integration.Tests.ServiceNow;

/// <summary>The emulator's wire behaviour, checked with a plain HttpClient.</summary>
public sealed class ServiceNowEmulatorTests
{
    static HttpClient Http()
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Sn.User}:{Sn.Password}")));
        return http;
    }

    static async Task<List<string>> NumbersAsync(ServiceNowEmulator emulator, string query)
    {
        using var http = Http();
        var body = await http.GetStringAsync(new Uri(emulator.BaseUrl, "api/now/table/proc_po?sysparm_fields=number&sysparm_query=" + Uri.EscapeDataString(query)));
        return JObject.Parse(body)["result"]!.Select(r => (string)r["number"]!).ToList();
    }

    [TestCase("numberIN" + "BN0000002,BN0000004", new[] { 2, 4 })]
    [TestCase("numberNOT IN" + "BN0000002,BN0000004^ORDERBYDESCnumber", new[] { 5, 3, 1 })]
    [TestCase("number=BN0000001^ORnumber=BN0000003", new[] { 1, 3 })]
    [TestCase("number=BN0000001^NQnumber=BN0000005", new[] { 1, 5 })]
    [TestCase("numberSTARTSWITHBN000000^numberENDSWITH3", new[] { 3 })]
    [TestCase("numberLIKE0004", new[] { 4 })]
    [TestCase("number!=BN0000001^number<BN0000004", new[] { 2, 3 })]
    [TestCase("u_tds_cpo_id>=900000004", new[] { 4, 5 })]
    [TestCase("u_tds_order_statusISEMPTY^u_no_such_field=1", new[] { 1, 2, 3, 4, 5 })]
    [TestCase("u_tds_cpo_idISNOTEMPTY^ORDERBYDESCu_tds_cpo_id", new[] { 5, 4, 3, 2, 1 })]
    public async Task TableList_EncodedQuery_SelectsLikeTheInstance(string query, int[] expected)
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(5));

        Assert.That(await NumbersAsync(emulator, query), Is.EqualTo(expected.Select(Sn.Number)));
    }

    [Test]
    public async Task TableList_V1PathWithNoResult_Answers404()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(1));
        using var http = Http();

        using var v1 = await http.GetAsync(new Uri(emulator.BaseUrl, "api/now/v1/table/proc_po?sysparm_query=number=nothing"));
        using var v2 = await http.GetAsync(new Uri(emulator.BaseUrl, "api/now/v2/table/proc_po?sysparm_query=number=nothing"));

        Assert.That(v1.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await v1.Content.ReadAsStringAsync(), Does.Contain("\"message\":\"No Record found\"").And.Contain("\"status\":\"failure\""));
        Assert.That(v2.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(v2.Headers.GetValues("X-Total-Count").Single(), Is.EqualTo("0"));
    }

    [Test]
    public async Task Batch_UnversionedPath_Answers400()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(1));
        using var http = Http();

        using var response = await http.PostAsync(new Uri(emulator.BaseUrl, "api/now/batch"), new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Requested URI does not represent any resource"));
    }

    [Test]
    public async Task RateLimit_Exceeded_429WithHeadersAndDocumentedBody()
    {
        var scenario = ServiceNowScenario.Generate(1);
        scenario.RateLimit = new ServiceNowRateLimit { Requests = 1, WindowSeconds = 3600 };
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var http = Http();

        using var first = await http.GetAsync(new Uri(emulator.BaseUrl, "api/now/table/proc_po"));
        using var second = await http.GetAsync(new Uri(emulator.BaseUrl, "api/now/table/proc_po"));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(second.Headers.GetValues("X-RateLimit-Limit").Single(), Is.EqualTo("1"));
        Assert.That(second.Headers.Contains("X-RateLimit-Reset") && second.Headers.Contains("X-RateLimit-Rule"), Is.True);
        Assert.That(int.Parse(second.Headers.GetValues("Retry-After").Single()), Is.InRange(3500, 3600));
        Assert.That(await second.Content.ReadAsStringAsync(),
            Is.EqualTo("{\"error\":{\"message\":\"Rate limit exceeded\",\"detail\":\"Rate limit of 1 requests per hour for Table API exceeded\"},\"status\":\"failure\"}"));
    }

    [Test]
    public async Task AdminStats_AfterReads_CountsByKind()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(1));
        using var http = Http();
        await http.GetStringAsync(new Uri(emulator.BaseUrl, "api/now/table/proc_po"));

        var stats = JObject.Parse(await http.GetStringAsync(new Uri(emulator.BaseUrl, "_emulator/stats")));

        Assert.That((long)stats["table_reads"]!, Is.EqualTo(1));
        Assert.That((long)stats["table_reads:proc_po"]!, Is.EqualTo(1));
    }

    [Test]
    public void Scenario_DemoFile_LoadsTwentyPosWithTheDocumentedExceptions()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Scenarios", "demo.json");
        var scenario = ServiceNowScenario.FromScenarioJson(File.ReadAllText(path));

        var pos = scenario.Tables["proc_po"];
        Assert.That(pos, Has.Count.EqualTo(20));
        Assert.That(pos[0]["u_tds_cpo_id"], Is.EqualTo("151204401"));
        Assert.That(pos.Single(p => p["number"] == "PO0010019")["u_tds_cpo_id"], Is.Empty);
        Assert.That(pos.Single(p => p["number"] == "PO0010020")["status"], Is.EqualTo("received"));
        var lines = scenario.Tables["proc_po_item"];
        Assert.That(lines, Has.Count.EqualTo(40));
        Assert.That(lines.Single(l => l["purchase_order"] == pos[16]["sys_id"] && l["part_number"] == "40B00135US")["u_tds_line_number"], Is.Empty);
        Assert.That(scenario.User, Is.EqualTo("osf.integration"));
        Assert.That(scenario.References["proc_po_item.purchase_order"], Is.EqualTo("proc_po"));
    }

    [Test]
    public async Task TableRecord_GetAndPut_ReadsAndUpdatesOneRecordWithReferenceLink()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(1));
        using var http = Http();
        var url = new Uri(emulator.BaseUrl, $"api/now/table/proc_po_item/{Sn.Line(1, 2)}");

        using var put = await http.PutAsync(url + "?sysparm_fields=sys_id,u_carrier,sys_mod_count",
            new StringContent("{\"u_carrier\":\"UPS\",\"number\":\"X\"}", Encoding.UTF8, "application/json"));
        var read = JObject.Parse(await http.GetStringAsync(url));

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(JObject.Parse(await put.Content.ReadAsStringAsync())["result"]!.ToString(Newtonsoft.Json.Formatting.None),
            Is.EqualTo($"{{\"sys_id\":\"{Sn.Line(1, 2)}\",\"u_carrier\":\"UPS\",\"sys_mod_count\":\"1\"}}"));
        Assert.That((string)read["result"]!["u_carrier"]!, Is.EqualTo("UPS"));
        Assert.That((string)read["result"]!["purchase_order"]!["value"]!, Is.EqualTo(Sn.Po(1)));
        Assert.That(emulator.CommittedWrites.Single().Ignored, Is.EqualTo(new[] { "number" }));
    }

    [Test]
    public async Task TableRecord_Missing_404Envelope()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(1));
        using var http = Http();

        using var response = await http.GetAsync(new Uri(emulator.BaseUrl, "api/now/table/proc_po/nope"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(),
            Is.EqualTo("{\"error\":{\"message\":\"No Record found\",\"detail\":\"Record doesn't exist or ACL restricts the record retrieval\"},\"status\":\"failure\"}"));
    }

    [Test]
    public async Task AdminClockAdvance_PastTokenLifetime_TokenRejected()
    {
        var scenario = ServiceNowScenario.Generate(1);
        scenario.OAuth = new ServiceNowOAuthClient { ClientId = "c", ClientSecret = "s", ExpiresIn = 60 };
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var http = new HttpClient();
        using var token = await http.PostAsync(new Uri(emulator.BaseUrl, "oauth_token.do"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "c", ["client_secret"] = "s",
        }));
        var access = (string)JObject.Parse(await token.Content.ReadAsStringAsync())["access_token"]!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);

        using var before = await http.GetAsync(new Uri(emulator.BaseUrl, "api/now/table/proc_po"));
        using var advance = await http.PostAsync(new Uri(emulator.BaseUrl, "_emulator/clock/advance?seconds=61"), null);
        using var after = await http.GetAsync(new Uri(emulator.BaseUrl, "api/now/table/proc_po"));

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(advance.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await after.Content.ReadAsStringAsync(), Does.Contain("User Not Authenticated"));
    }
}
