using Newtonsoft.Json.Linq;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.Emulators.TdSynnex;

namespace OrderStatusFlow.Integration.Tests.EndToEnd.Faults;

/// <summary>
/// The fault catalogue: bad records, bad answers, bad configuration. Each fails at most its own PO. The data set
/// is <see cref="FaultRun.Orders"/> POs <c>BN0000001…</c> (state by number: 1 released, 2 back-ordered, 3 partial,
/// 4 shipped, 5 invoiced, 0 accepted, repeating), all needing a write on their first cycle.
/// </summary>
static class FaultCases
{
    const string Records = "bad records", Answers = "bad answers", Query = "query and source fields";

    public static string PoSysId(int i) => "bp" + i.ToString("D30");

    static Dictionary<string, string> Po(ServiceNowScenario s, int i) => s.Tables["proc_po"][i - 1];

    static Dictionary<string, string> Line(ServiceNowScenario s, int i, int l) =>
        s.Tables["proc_po_item"].Single(r => r["purchase_order"] == PoSysId(i) && r["u_tds_line_number"] == l.ToString());

    static Dictionary<string, string> Fails(string po, string reason) => new() { [po] = reason };

    static TdSynnexFault Fault(string po, TdSynnexFaultKind kind, string endpoint = "status") =>
        new() { PoNumber = po, Kind = kind, Calls = 0, Endpoint = endpoint };

    static string UrlWithSecret(string secret, string host) => "http://osf:" + Uri.EscapeDataString(secret) + "@" + host;

    public static IEnumerable<FaultCase> All() => BadRecords().Concat(BadAnswers()).Concat(Configuration()).Concat(QueryAndFields());

    static IEnumerable<FaultCase> BadRecords()
    {
        yield return new FaultCase
        {
            Group = Records, Name = "record with an empty number", ExpectedExit = 3,
            ServiceNow = s => Po(s, 3)["number"] = "",
            Failures = Fails(PoSysId(3), "has an empty number"),
        };
        yield return new FaultCase
        {
            Group = Records, Name = "two records with the same number", ExpectedExit = 3,
            ServiceNow = s => Po(s, 4)["number"] = "BN0000002",
            Failures = Fails(PoSysId(4), $"which proc_po record {PoSysId(2)} has too"),
        };
        yield return new FaultCase
        {
            Group = Records, Name = "number with a space and non-ASCII letters", ExpectedExit = 3,
            ServiceNow = s => Po(s, 6)["number"] = "BN 6é",
            Failures = Fails(PoSysId(6), "printable ASCII"),
        };
        yield return new FaultCase
        {
            Group = Records, Name = "number longer than TD SYNNEX accepts", ExpectedExit = 3,
            ServiceNow = s => Po(s, 7)["number"] = "BN" + new string('7', 28),
            Failures = Fails(PoSysId(7), "at most 20"),
        };
        yield return new FaultCase
        {
            Group = Records, Name = "line quantity that is not a number", ExpectedExit = 3,
            ServiceNow = s => Line(s, 8, 1)["ordered_quantity"] = "two",
            Failures = Fails("BN0000008", "ordered_quantity 'two', not a whole number"),
        };
        yield return new FaultCase
        {
            Group = Records, Name = "negative line quantity", ExpectedExit = 3,
            ServiceNow = s => Line(s, 9, 2)["ordered_quantity"] = "-4",
            Failures = Fails("BN0000009", "ordered_quantity '-4'"),
        };
        yield return new FaultCase
        {
            Group = Records, Name = "PO without lines is still written", ExpectedExit = 3,
            ServiceNow = s => s.Tables["proc_po_item"].RemoveAll(l => l["purchase_order"] == PoSysId(1)),
        };
        yield return new FaultCase
        {
            Group = Records, Name = "huge memo field is appended to", ExpectedExit = 3,
            ServiceNow = s => Po(s, 11)["u_vendor_notes"] = string.Join("\n", Enumerable.Range(1, 4000).Select(n => $"Earlier note {n:D5} " + new string('m', 50))),
            Then = run => Assert.That(run.Harness.Po(PoSysId(11))["u_vendor_notes"],
                Does.StartWith("Earlier note 00001").And.Contain("Earlier note 04000").And.Contain("Invoice ")),
        };
        yield return new FaultCase
        {
            Group = Records, Name = "unusual Unicode in memo and part numbers", ExpectedExit = 3,
            ServiceNow = s =>
            {
                Po(s, 10)["u_vendor_notes"] = "注文 🚚 \u202Eevil\u202C zero\u200Bwidth";
                Line(s, 10, 1)["part_number"] = "ＳＫＵ–１🚚";
            },
            Then = run => Assert.That(run.Harness.Po(PoSysId(10))["u_vendor_notes"], Does.StartWith("注文 🚚 \u202Eevil\u202C zero\u200Bwidth")),
        };
        yield return new FaultCase
        {
            Group = Records, Name = "a person adds a memo line while the cycle runs", ExpectedExit = 3,
            ServiceNow = s => s.Faults.HumanEdits.Add(new ServiceNowHumanEdit { SysId = PoSysId(5), Text = "Customer called: deliver to dock 4" }),
            Then = run => Assert.That(run.Harness.Po(PoSysId(5))["u_vendor_notes"],
                Does.Contain("Customer called: deliver to dock 4").And.Contain("Invoice "), "the person's line and the connector's lines are both kept"),
        };
    }

    static IEnumerable<FaultCase> BadAnswers()
    {
        yield return new FaultCase
        {
            Group = Answers, Name = "PO Status answer with another PO's data", ExpectedExit = 3,
            TdSynnex = t => t.Faults.Add(new TdSynnexFault { PoNumber = "BN0000002", Kind = TdSynnexFaultKind.OtherPo, OtherPoNumber = "BN0000004", Calls = 0 }),
            Failures = Fails("BN0000002", "is about PO 'BN0000004'"),
        };
        yield return new FaultCase
        {
            Group = Answers, Name = "answer for another customer account", ExpectedExit = 3,
            TdSynnex = t => t.Faults.Add(Fault("BN0000003", TdSynnexFaultKind.WrongCustomer)),
            Failures = Fails("BN0000003", "customer account '999999'"),
        };
        yield return new FaultCase
        {
            Group = Answers, Name = "answer with entity declarations", ExpectedExit = 3,
            TdSynnex = t => t.Faults.Add(Fault("BN0000004", TdSynnexFaultKind.EntityDeclaration)),
            Failures = Fails("BN0000004", "document type declaration"),
        };
        yield return new FaultCase
        {
            Group = Answers, Name = "answer larger than the cap", ExpectedExit = 3,
            TdSynnex = t => t.Faults.Add(new TdSynnexFault { PoNumber = "BN0000007", Kind = TdSynnexFaultKind.Oversize, SizeBytes = 5 * 1024 * 1024, Calls = 0 }),
            Failures = Fails("BN0000007", "larger than the 4096 KiB cap"),
        };
        yield return new FaultCase
        {
            Group = Answers, Name = "answer that is not valid UTF-8", ExpectedExit = 3,
            TdSynnex = t => t.Faults.Add(Fault("BN0000006", TdSynnexFaultKind.InvalidEncoding)),
            Failures = Fails("BN0000006", "not valid utf-8"),
        };
        yield return new FaultCase
        {
            Group = Answers, Name = "invoice answer about another PO", ExpectedExit = 3,
            TdSynnex = t =>
            {
                t.Orders.AddRange(TdSynnexScenario.Generate(17).Orders.Skip(FaultRun.Orders)); // BN0000017 is invoiced, with invoices
                t.Faults.Add(new TdSynnexFault { PoNumber = "BN0000005", Endpoint = "invoice", Kind = TdSynnexFaultKind.OtherPo, OtherPoNumber = "BN0000017", Calls = 0 });
            },
            Failures = Fails("BN0000005", "invoice query answer for BN0000005 is about PO 'BN0000017'"),
        };
        yield return new FaultCase
        {
            Group = Answers, Name = "ServiceNow errors echoing the credentials are retried", ExpectedExit = 3,
            ServiceNow = s => s.Faults.EchoCredentialsFirstRequests = 2,
        };
    }

    static IEnumerable<FaultCase> Configuration()
    {
        yield return new FaultCase
        {
            Group = "TD SYNNEX error echoing the login", Name = "the password in the echoed request never leaks", ExpectedExit = 1,
            TdSynnex = t => t.Faults.Add(Fault("BN0000001", TdSynnexFaultKind.EchoCredentials)),
            Failures = Fails("BN0000001", "rejected the login"),
            OthersUpdated = false,
        };
        yield return new FaultCase
        {
            Group = "ServiceNow URL with credentials", Name = "refused without echoing the secret", ExpectedExit = 1, CycleRuns = false,
            Environment = new Dictionary<string, string> { ["OSF_SERVICENOW_URL"] = UrlWithSecret(FaultRun.ServiceNowSecret, "127.0.0.1:9") },
            OutputContains = "must not contain",
        };
        yield return new FaultCase
        {
            Group = "TD SYNNEX URL with credentials", Name = "refused without echoing the secret", ExpectedExit = 1, CycleRuns = false,
            Environment = new Dictionary<string, string> { ["OSF_TDSYNNEX_URL"] = UrlWithSecret(FaultRun.TdSynnexSecret, "127.0.0.1:9") },
            OutputContains = "must not contain",
        };
        yield return new FaultCase
        {
            Group = "doctor with a URL with credentials", Name = "refused without echoing the secret", ExpectedExit = 1, CycleRuns = false,
            Command = ["doctor"],
            Environment = new Dictionary<string, string> { ["OSF_SERVICENOW_URL"] = UrlWithSecret(FaultRun.ServiceNowSecret, "acme.service-now.example") },
            OutputContains = "must not contain",
        };
    }

    static IEnumerable<FaultCase> QueryAndFields()
    {
        yield return new FaultCase
        {
            Group = Query, Name = "OR query (^NQ) with keyset paging reads every group", ExpectedExit = 0,
            Pipeline = p =>
            {
                p["stages"]![0]!["args"]!["query"] = "numberINBN0000001,BN0000002,BN0000003,BN0000004,BN0000005,BN0000006" +
                                        "^NQnumberINBN0000007,BN0000008,BN0000009,BN0000010,BN0000011,BN0000012";
                p["stages"]![0]!["args"]!["pageSize"] = 2;
            },
        };
        yield return new FaultCase
        {
            Group = Query, Name = "memo field not in the source's field list is appended to", ExpectedExit = 0,
            ServiceNow = s => Po(s, 5)["u_vendor_notes"] = "Note written before",
            Pipeline = p => p["stages"]![0]!["args"]!["fields"] = new JArray("sys_id", "number", "status", "u_tds_cpo_id", "u_tds_order_status", "u_tracking_number", "u_ship_date"),
            Then = run => Assert.That(run.Harness.Po(PoSysId(5))["u_vendor_notes"], Does.StartWith("Note written before\n").And.Contain("Invoice ")),
        };
    }
}
