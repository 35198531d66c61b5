using OrderStatusFlow.Emulators.ServiceNow;

namespace OrderStatusFlow.Integration.Tests.ServiceNow.Query;

/// <summary>
/// The emulated instance looks up <c>fieldIN…</c> and <c>field=…</c> terms in an index instead of testing every row;
/// the answers must be exactly those of a scan, before and after writes.
/// </summary>
public sealed class IndexedQueryTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    static TableStore Lines() => new(new Dictionary<string, List<Dictionary<string, string>>>
    {
        ["proc_po_item"] = Enumerable.Range(1, 30).Select(i => new Dictionary<string, string>
        {
            ["sys_id"] = $"line-{i:D2}",
            ["purchase_order"] = $"po-{(i * 7) % 10}", // the POs' lines are spread over the table
            ["u_tds_status"] = i % 3 == 0 ? "shipped" : "",
        }).ToList(),
    });

    static List<string> Ids(TableStore store, string query, int offset = 0, int limit = 100) =>
        store.Query("proc_po_item", EncodedQuery.Parse(query), offset, limit).Page.Select(r => r["sys_id"]).ToList();

    // What a scan answers: the query plus a second ^NQ segment that matches no row; a query of two segments is never
    // looked up in an index (RequiredValues needs a single segment), so every row is tested.
    static List<string> Scanned(TableStore store, string query) => Ids(store, query + "^NQsys_idISEMPTY");

    [Test]
    public void TheScanToCompareWith_IsNotIndexed()
    {
        var columns = new HashSet<string> { "sys_id", "purchase_order" };

        Assert.That(EncodedQuery.Parse("purchase_orderINpo-1").RequiredValues(columns), Is.Not.Null);
        Assert.That(EncodedQuery.Parse("purchase_orderINpo-1^NQsys_idISEMPTY").RequiredValues(columns), Is.Null);
    }

    [TestCase("purchase_orderINpo-3,po-1")]
    [TestCase("purchase_orderINpo-3,po-1^u_tds_status=shipped")]
    [TestCase("u_tds_status=shipped^purchase_orderINpo-2,po-9,po-404")]
    [TestCase("purchase_order=po-4")]
    [TestCase("purchase_orderINpo-3,po-1^ORDERBYDESCsys_id")]
    public void AnIndexedQuery_AnswersWhatAScanAnswers_InTheSameOrder(string query)
    {
        var store = Lines();

        var indexed = Ids(store, query);

        Assert.That(indexed, Is.Not.Empty);
        Assert.That(indexed, Is.EqualTo(Scanned(store, query)));
    }

    [Test]
    public void WithoutAnOrder_TheRowsComeInTableOrder_AndTheTotalCountsThemAll()
    {
        var store = Lines();

        var (total, page) = store.Query("proc_po_item", EncodedQuery.Parse("purchase_orderINpo-1,po-3"), 1, 3);

        // po-1: lines 3, 13, 23; po-3: lines 9, 19, 29 — in table order 3, 9, 13, 19, 23, 29.
        Assert.That(total, Is.EqualTo(6));
        Assert.That(page.Select(r => r["sys_id"]), Is.EqualTo(new[] { "line-09", "line-13", "line-19" }));
    }

    [Test]
    public void AWriteToAnIndexedField_MovesTheRowToItsNewValue()
    {
        var store = Lines();
        Assert.That(Ids(store, "purchase_order=po-1"), Is.EqualTo(new[] { "line-03", "line-13", "line-23" }), "the index is built here");

        store.Patch("proc_po_item", "line-13", new Dictionary<string, string> { ["purchase_order"] = "po-2" }, _ => false, Now);

        Assert.That(Ids(store, "purchase_order=po-1"), Is.EqualTo(new[] { "line-03", "line-23" }));
        Assert.That(Ids(store, "purchase_orderINpo-2"), Is.EqualTo(new[] { "line-06", "line-13", "line-16", "line-26" }));
    }

    [Test]
    public void AWriteMovesItsRecordInAnIndexOnTheFieldsTheInstanceSetsItself()
    {
        var store = Lines();
        Assert.That(Ids(store, "sys_mod_count=0"), Has.Count.EqualTo(30), "the index on sys_mod_count is built here");

        store.Patch("proc_po_item", "line-07", new Dictionary<string, string> { ["u_tds_status"] = "shipped" }, _ => false, Now);

        Assert.That(Ids(store, "sys_mod_count=0"), Has.Count.EqualTo(29).And.No.Contains("line-07"));
        Assert.That(Ids(store, "sys_mod_count=1"), Is.EqualTo(new[] { "line-07" }));
        Assert.That(Ids(store, "sys_updated_on=2026-11-28 09:00:00"), Is.EqualTo(new[] { "line-07" }));
    }

    [Test]
    public void ARecordInsertedAfterTheIndexWasBuilt_IsFound()
    {
        var store = Lines();
        Assert.That(Ids(store, "purchase_order=po-1"), Has.Count.EqualTo(3), "the index is built here");

        store.Insert("proc_po_item", new Dictionary<string, string> { ["sys_id"] = "line-99", ["purchase_order"] = "po-1", ["u_tds_status"] = "" }, Now);

        Assert.That(Ids(store, "purchase_orderINpo-1"), Is.EqualTo(new[] { "line-03", "line-13", "line-23", "line-99" }));
    }

    [Test]
    public void ATermOnAnUnknownField_IsIgnoredAsTheInstanceDoes_NotUsedAsAnIndex()
    {
        var store = Lines();

        Assert.That(Ids(store, "u_not_a_fieldINx^purchase_order=po-1"), Is.EqualTo(new[] { "line-03", "line-13", "line-23" }));
        Assert.That(Ids(store, "u_not_a_fieldINx"), Has.Count.EqualTo(30));
    }
}
