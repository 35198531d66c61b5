using OrderStatusFlow.TdSynnex;

namespace OrderStatusFlow.TdSynnex.Tests;

public sealed class TdSynnexOptionsTests
{
    static TdSynnexOptions Valid() => new()
    {
        Url = "https://ec.us.tdsynnex.com", InvoiceUrl = "https://ws.us.tdsynnex.com",
        User = "buyer@example.com", Password = "pa55-word", Customer = "784512",
    };

    [Test]
    public void Validate_Complete_NoProblems() => Assert.That(Valid().Validate(), Is.Empty);

    [Test]
    public void Validate_Empty_EveryProblemWithItsVariable()
    {
        var problems = new TdSynnexOptions().Validate();

        Assert.That(problems, Does.Contain("url is empty: set OSF_TDSYNNEX_URL"));
        Assert.That(string.Join("\n", problems), Does.Contain("OSF_TDSYNNEX_INVOICE_URL").And.Contain("OSF_TDSYNNEX_USER")
            .And.Contain("OSF_TDSYNNEX_PASSWORD").And.Contain("OSF_TDSYNNEX_CUSTOMER"));
    }

    [Test]
    public void Validate_BadNumbersAndUrl_EachReportedUnderItsKey()
    {
        var options = Valid();
        options.Url = "ec.us.tdsynnex.com";
        options.MaxAttempts = 0;
        options.RequestTimeout = TimeSpan.Zero;
        options.RequestsPerSecond = -1;

        Assert.That(options.Validate(), Is.EquivalentTo(new[]
        {
            "url 'ec.us.tdsynnex.com' is not an absolute http(s) URL: set OSF_TDSYNNEX_URL, e.g. https://ec.us.tdsynnex.com",
            "requestTimeout 00:00:00 must be between 0 and 10 minutes (default 00:00:30)",
            "maxAttempts 0 must be between 1 and 20 (default 4)",
            "requestsPerSecond -1 must be 0 (no limit) or positive",
        }));
    }

    [TestCase(-1.0, false)]
    [TestCase(0.0, true)]
    [TestCase(1.0, true)]
    [TestCase(31.0, false)]
    public void Validate_InvoiceFallback_ZeroToThirtyDays(double days, bool valid)
    {
        var options = Valid();
        options.InvoiceFallback = TimeSpan.FromDays(days);

        Assert.That(options.Validate(), valid ? Is.Empty : Has.One.StartsWith("invoiceFallback "));
    }

    [Test]
    public void Validate_UrlWithCredentials_RefusedWithoutEchoingThem()
    {
        var options = Valid();
        options.Url = "https://user:secretpw@ec.us.tdsynnex.com";

        var problems = options.Validate();

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.Not.Contain("secretpw"));
    }

    [Test]
    public void ToString_NeverShowsCredentials()
    {
        var text = Valid().ToString();

        Assert.That(text, Does.Not.Contain("pa55-word").And.Not.Contain("buyer@example.com"));
        Assert.That(text, Does.Contain("https://ec.us.tdsynnex.com"));
    }

    [Test]
    public void Uris_BuiltFromBases()
    {
        var options = Valid();
        options.Url += "/";

        Assert.That(options.StatusUri.ToString(), Is.EqualTo("https://ec.us.tdsynnex.com/SynnexXML/POStatus"));
        Assert.That(options.InvoiceUri.ToString(), Is.EqualTo("https://ws.us.tdsynnex.com/webservice/invoice/query"));
    }
}
