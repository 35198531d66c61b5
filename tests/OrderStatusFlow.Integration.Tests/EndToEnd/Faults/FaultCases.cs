using Newtonsoft.Json.Linq;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;

namespace OrderStatusFlow.Integration.Tests.EndToEnd.Faults;

/// <summary>The fault catalogue: bad records, bad answers, bad configuration. Each fails at most its own PO.</summary>
static class FaultCases
{
    public static string PoSysId(int i) => "bp" + i.ToString("D30");

    static Dictionary<string, string> Po(ServiceNowScenario s, int i) => s.Tables["proc_po"][i - 1];

    static Dictionary<string, string> Line(ServiceNowScenario s, int i, int l) =>
        s.Tables["proc_po_item"].Single(r => r["purchase_order"] == PoSysId(i) && r["u_tds_line_number"] == l.ToString());

    static Dictionary<string, string> Fails(string po, string reason) => new() { [po] = reason };

    static TdSynnexFault Fault(string po, TdSynnexFaultKind kind, string endpoint = "status") =>
        new() { PoNumber = po, Kind = kind, Calls = 0, Endpoint = endpoint };

    public static IEnumerable<FaultCase> All()
    {
        yield return new FaultCase
        {
            Name = "ServiceNow record with an empty number",
            ServiceNow = s => Po(s, 3)["number"] = "",
            Failures = Fails(PoSysId(3), "has an empty number"),
        };
        yield return new FaultCase
        {
            Name = "two ServiceNow records with the same number",
            ServiceNow = s => Po(s, 4)["number"] = "BN0000002",
            Failures = Fails(PoSysId(4), $"which proc_po record {PoSysId(2)} has too"),
        };
        yield return new FaultCase
        {
            Name = "PO number with a space and non-ASCII letters",
            ServiceNow = s => Po(s, 5)["number"] = "BN 5é",
            Failures = Fails(PoSysId(5), "printable ASCII"),
        };
        yield return new FaultCase
        {
            Name = "PO number longer than TD SYNNEX accepts",
            ServiceNow = s => Po(s, 6)["number"] = "BN" + new string('7', 28),
            Failures = Fails(PoSysId(6), "at most 20"),
        };
        yield return new FaultCase
        {
            Name = "line quantity that is not a number",
            ServiceNow = s => Line(s, 2, 1)["ordered_quantity"] = "two",
            Failures = Fails("BN0000002", "ordered_quantity 'two', not a whole number"),
        };
        yield return new FaultCase
        {
            Name = "negative line quantity",
            ServiceNow = s => Line(s, 3, 2)["ordered_quantity"] = "-4",
            Failures = Fails("BN0000003", "ordered_quantity '-4'"),
        };
        yield return new FaultCase
        {
            Name = "PO without lines",
            ServiceNow = s => s.Tables["proc_po_item"].RemoveAll(l => l["purchase_order"] == PoSysId(1)),
            ExpectedExit = 0,
        };
        yield return new FaultCase
        {
            Name = "huge memo field is appended to",
            ServiceNow = s => Po(s, 5)["u_vendor_notes"] = string.Join("\n", Enumerable.Range(1, 4000).Select(n => $"Earlier note {n:D5} " + new string('m', 50))),
            ExpectedExit = 0,
            Then = run =>
            {
                var notes = run.Harness.Po(PoSysId(5))["u_vendor_notes"];
                Assert.That(notes, Does.StartWith("Earlier note 00001").And.Contain("Earlier note 04000").And.Contain("Invoice "));
            },
        };
        yield return new FaultCase
        {
            Name = "unusual Unicode in memo and part numbers",
            ServiceNow = s =>
            {
                Po(s, 1)["u_vendor_notes"] = "注文 🚚 \u202Eevil\u202C zero\u200Bwidth";
                Line(s, 1, 1)["part_number"] = "ＳＫＵ–１🚚";
            },
            ExpectedExit = 0,
            Then = run => Assert.That(run.Harness.Po(PoSysId(1))["u_vendor_notes"], Does.StartWith("注文 🚚 \u202Eevil\u202C zero\u200Bwidth")),
        };
        yield return new FaultCase
        {
            Name = "TD SYNNEX answers with another PO's data",
            TdSynnex = t => t.Faults.Add(new TdSynnexFault { PoNumber = "BN0000002", Kind = TdSynnexFaultKind.OtherPo, OtherPoNumber = "BN0000004", Calls = 0 }),
            Failures = Fails("BN0000002", "is about PO 'BN0000004'"),
        };
        yield return new FaultCase
        {
            Name = "TD SYNNEX answers for another customer account",
            TdSynnex = t => t.Faults.Add(Fault("BN0000003", TdSynnexFaultKind.WrongCustomer)),
            Failures = Fails("BN0000003", "customer account '999999'"),
        };
        yield return new FaultCase
        {
            Name = "TD SYNNEX answer with entity declarations",
            TdSynnex = t => t.Faults.Add(Fault("BN0000004", TdSynnexFaultKind.EntityDeclaration)),
            Failures = Fails("BN0000004", "document type declaration"),
        };
        yield return new FaultCase
        {
            Name = "TD SYNNEX answer larger than the cap",
            TdSynnex = t => t.Faults.Add(new TdSynnexFault { PoNumber = "BN0000005", Kind = TdSynnexFaultKind.Oversize, SizeBytes = 5 * 1024 * 1024, Calls = 0 }),
            Failures = Fails("BN0000005", "larger than the 4096 KiB cap"),
        };
        yield return new FaultCase
        {
            Name = "TD SYNNEX answer that is not valid UTF-8",
            TdSynnex = t => t.Faults.Add(Fault("BN0000006", TdSynnexFaultKind.InvalidEncoding)),
            Failures = Fails("BN0000006", "not valid utf-8"),
        };
        yield return new FaultCase
        {
            Name = "TD SYNNEX error echoing the request with the password",
            TdSynnex = t => t.Faults.Add(Fault("BN0000001", TdSynnexFaultKind.EchoCredentials)),
            Failures = Fails("BN0000001", "TD SYNNEX"),
        };
        yield return new FaultCase
        {
            Name = "invoice answer about another PO",
            TdSynnex = t =>
            {
                t.Orders.AddRange(TdSynnexScenario.Generate(11).Orders.Skip(10)); // BN0000011: invoiced, with invoices
                t.Faults.Add(new TdSynnexFault { PoNumber = "BN0000005", Endpoint = "invoice", Kind = TdSynnexFaultKind.OtherPo, OtherPoNumber = "BN0000011", Calls = 0 });
            },
            Failures = Fails("BN0000005", "invoice query answer for BN0000005 is about PO 'BN0000011'"),
        };
        yield return new FaultCase
        {
            Name = "ServiceNow errors echoing the credentials",
            ServiceNow = s => s.Faults.EchoCredentialsFirstRequests = 2,
            ExpectedExit = 0,
        };
        yield return new FaultCase
        {
            Name = "ServiceNow URL with embedded credentials",
            Environment = new Dictionary<string, string> { ["OSF_SERVICENOW_URL"] = "http://osf:" + Uri.EscapeDataString(FaultRun.ServiceNowSecret) + "@127.0.0.1:9" },
            ExpectedExit = 1,
            CycleRuns = false,
            OutputContains = "must not contain a user name or password",
        };
        yield return new FaultCase
        {
            Name = "TD SYNNEX URL with embedded credentials",
            Environment = new Dictionary<string, string> { ["OSF_TDSYNNEX_URL"] = "http://osf:" + Uri.EscapeDataString(FaultRun.TdSynnexSecret) + "@127.0.0.1:9" },
            ExpectedExit = 1,
            CycleRuns = false,
            OutputContains = "must not contain a user name or password",
        };
        yield return new FaultCase
        {
            Name = "doctor with a URL with embedded credentials",
            Command = ["doctor"],
            Environment = new Dictionary<string, string> { ["OSF_SERVICENOW_URL"] = "https://osf:" + Uri.EscapeDataString(FaultRun.ServiceNowSecret) + "@acme.service-now.example" },
            ExpectedExit = 1,
            CycleRuns = false,
            OutputContains = "must not contain a user name or password",
        };
        yield return new FaultCase
        {
            Name = "OR query (^NQ) with keyset paging",
            Pipeline = p =>
            {
                p["source"]!["query"] = "numberINBN0000001,BN0000002,BN0000003^NQnumberINBN0000004,BN0000005,BN0000006";
                p["source"]!["pageSize"] = 2;
            },
            ExpectedExit = 0,
        };
        yield return new FaultCase
        {
            Name = "a person adds a memo line while the cycle runs",
            ServiceNow = s => s.Faults.HumanEdits.Add(new ServiceNowHumanEdit { SysId = PoSysId(5), Text = "Customer called: deliver to dock 4" }),
            ExpectedExit = 0,
            Then = run =>
            {
                var notes = run.Harness.Po(PoSysId(5))["u_vendor_notes"];
                Assert.That(notes, Does.Contain("Customer called: deliver to dock 4").And.Contain("Invoice "), "the person's line and the connector's lines are both kept");
            },
        };
        yield return new FaultCase
        {
            Name = "memo field not in the source's field list",
            ServiceNow = s => Po(s, 5)["u_vendor_notes"] = "Note written before",
            Pipeline = p => p["source"]!["fields"] = new JArray("sys_id", "number", "status", "u_tds_cpo_id", "u_tds_order_status", "u_tracking_number", "u_ship_date"),
            ExpectedExit = 0,
            Then = run => Assert.That(run.Harness.Po(PoSysId(5))["u_vendor_notes"], Does.StartWith("Note written before\n").And.Contain("Invoice ")),
        };
    }
}
