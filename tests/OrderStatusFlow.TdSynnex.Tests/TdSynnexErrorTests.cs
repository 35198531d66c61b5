using OrderStatusFlow.TdSynnex.Status;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Emulators.TdSynnex;
using OrderStatusFlow.TdSynnex.Tests.Support;
using static OrderStatusFlow.TdSynnex.Tests.Support.TdSynnexTestBed;

namespace OrderStatusFlow.TdSynnex.Tests;

public sealed class TdSynnexErrorTests
{
    static TdSynnexScenario WithFault(TdSynnexFault fault) => new() { Orders = [TdSynnexScenarios.Accepted("E1")], Faults = [fault] };

    static TdSynnexFault Fault(TdSynnexFaultKind kind, int calls = 0, string? message = null, string? detail = null) =>
        new() { PoNumber = "E1", Kind = kind, Calls = calls, Message = message, Detail = detail };

    static async Task<(SyncException Error, long Calls)> FailAsync(TdSynnexScenario scenario, Action<OrderStatusFlow.TdSynnex.TdSynnexOptions>? configure = null)
    {
        await using var bed = await StartAsync(scenario, configure);
        var error = Assert.ThrowsAsync<SyncException>(() => bed.StatusAsync(DemoPo("E1")))!;
        Assert.That(error.Message, Does.Not.Contain(Password), "the password never appears in an error");
        Assert.That(error.ToActivityError(), Does.Not.Contain(Password));
        return (error, bed.Emulator.Stats.StatusRequestsFor("E1"));
    }

    [Test]
    public async Task GetStatus_WrongPassword_ConfigurationNotRetried()
    {
        var (error, calls) = await FailAsync(new TdSynnexScenario { Password = "other", Orders = [TdSynnexScenarios.Accepted("E1")] });

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Configuration));
        Assert.That(error.Message, Does.Contain("Authentication Failed").And.Contain("OSF_TDSYNNEX_PASSWORD"));
        Assert.That(calls, Is.EqualTo(1));
    }

    [TestCase("IP Address Invalid", "IP address:203.0.113.24 not defined.", "Register the public IP address")]
    [TestCase("IP Address has not been Validated", "", "Register the public IP address")]
    public async Task GetStatus_IpNotRegistered_ConfigurationNotRetried(string message, string detail, string advice)
    {
        var (error, calls) = await FailAsync(WithFault(Fault(TdSynnexFaultKind.ErrorMessage, 0, message, detail)));

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Configuration));
        Assert.That(error.Message, Does.Contain(message).And.Contain(advice));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task GetStatus_ServerEchoesPassword_Redacted()
    {
        var body = $"<SynnexB2B><OrderStatusResponse><ErrorMessage>Authentication Failed</ErrorMessage><ErrorDetail>password {Password} is wrong</ErrorDetail></OrderStatusResponse></SynnexB2B>";

        var (error, _) = await FailAsync(RawScenario("E1", body));

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Configuration));
        Assert.That(error.Message, Does.Contain("***"));
    }

    [TestCase("Server.Timeout", "Session timed out")]
    [TestCase("Server.DatabaseIssue", "Technical issue")]
    [TestCase("Server.APIFault", "")]
    [TestCase("SYNNEX XML Server is not Available", "")]
    public async Task GetStatus_TransientErrorMessageEveryTime_RetriedToMaxAttempts(string message, string detail)
    {
        var (error, calls) = await FailAsync(WithFault(Fault(TdSynnexFaultKind.ErrorMessage, 0, message, detail)));

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Transient));
        Assert.That(error.Message, Does.Contain(message).And.Contain("Gave up after 3 attempts"));
        Assert.That(calls, Is.EqualTo(3));
    }

    [TestCase(TdSynnexFaultKind.ErrorMessage)]
    [TestCase(TdSynnexFaultKind.Html)]
    [TestCase(TdSynnexFaultKind.HttpStatus)]
    [TestCase(TdSynnexFaultKind.Reset)]
    public async Task GetStatus_TransientFaultOnce_RetriedAndSucceeds(TdSynnexFaultKind kind)
    {
        await using var bed = await StartAsync(WithFault(Fault(kind, calls: 1, message: kind == TdSynnexFaultKind.ErrorMessage ? "Server.Timeout" : null)));

        var status = await bed.StatusAsync(DemoPo("E1"));

        Assert.That(status.State, Is.EqualTo(PoState.Accepted));
        Assert.That(bed.Emulator.Stats.StatusRequestsFor("E1"), Is.EqualTo(2));
        Assert.That(bed.Emulator.Stats.FaultsInjected, Is.EqualTo(1));
    }

    [Test]
    public async Task GetStatus_SlowerThanTimeoutOnce_RetriedAndSucceeds()
    {
        var fault = Fault(TdSynnexFaultKind.Slow, calls: 1);
        fault.DelayMs = 3000;
        await using var bed = await StartAsync(WithFault(fault), o => o.RequestTimeout = TimeSpan.FromSeconds(1));

        var status = await bed.StatusAsync(DemoPo("E1"));

        Assert.That(status.State, Is.EqualTo(PoState.Accepted));
        Assert.That(bed.Emulator.Stats.StatusRequestsFor("E1"), Is.EqualTo(2));
    }

    [Test]
    public async Task GetStatus_AlwaysSlow_TransientTimeout()
    {
        var fault = Fault(TdSynnexFaultKind.Slow);
        fault.DelayMs = 5000;

        var (error, calls) = await FailAsync(WithFault(fault), o => { o.RequestTimeout = TimeSpan.FromMilliseconds(600); o.MaxAttempts = 2; });

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Transient));
        Assert.That(error.Message, Does.Contain("did not answer within 0.6 s").And.Contain("Gave up after 2 attempts"));
        // The client gave up on its own clock; under CPU load the emulator may not have counted a request it never finished reading.
        Assert.That(calls, Is.InRange(1, 2));
    }

    [Test]
    public async Task GetStatus_Html503Always_TransientWithTitle()
    {
        var (error, calls) = await FailAsync(WithFault(Fault(TdSynnexFaultKind.Html)));

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Transient));
        Assert.That(error.Message, Does.StartWith("HTTP 503: TD SYNNEX answered an HTML page, not XML: \"503 Service Temporarily Unavailable\""));
        Assert.That(calls, Is.EqualTo(3));
    }

    [Test]
    public async Task GetStatus_HtmlWith200_DataNotRetried()
    {
        var fault = Fault(TdSynnexFaultKind.Html, message: "Scheduled maintenance");
        fault.StatusCode = 200;

        var (error, calls) = await FailAsync(WithFault(fault));

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Data));
        Assert.That(error.Message, Does.StartWith("TD SYNNEX answered an HTML page, not XML: \"Scheduled maintenance\""));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task GetStatus_ConnectionResetAlways_Transient()
    {
        var (error, calls) = await FailAsync(WithFault(Fault(TdSynnexFaultKind.Reset)));

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Transient));
        Assert.That(error.Message, Does.Contain("could not be reached or dropped the connection"));
        Assert.That(calls, Is.EqualTo(3));
    }

    [Test]
    public async Task GetStatus_Http500Always_Transient()
    {
        var (error, _) = await FailAsync(WithFault(Fault(TdSynnexFaultKind.HttpStatus)));

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Transient));
        Assert.That(error.Message, Does.Contain("HTTP 500"));
    }

    [TestCase(TdSynnexFaultKind.Malformed, "malformed or truncated XML")]
    [TestCase(TdSynnexFaultKind.Truncated, "malformed or truncated XML")]
    [TestCase(TdSynnexFaultKind.BizError, "PO is locked")]
    public async Task GetStatus_UnreadableAnswer_DataNotRetried(TdSynnexFaultKind kind, string expected)
    {
        var (error, calls) = await FailAsync(WithFault(Fault(kind, message: "PO is locked")));

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Data));
        Assert.That(error.Message, Does.Contain(expected));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task GetStatus_TruncatedXml_MessageHasPosition()
    {
        var (error, _) = await FailAsync(WithFault(Fault(TdSynnexFaultKind.Truncated)));

        Assert.That(error.Message, Does.Match(@"line \d+, position \d+"));
    }

    [Test]
    public async Task GetStatus_IncompleteXml_DataNotRetried()
    {
        var (error, calls) = await FailAsync(WithFault(Fault(TdSynnexFaultKind.ErrorMessage, 0, "XML Content is Incomplete", "Client.IncompleteXML: 1. PONumber is required")));

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Data));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task GetStatus_WrongPath_Configuration()
    {
        await using var bed = await StartAsync(new TdSynnexScenario(), o => o.Url = o.Url.TrimEnd('/') + "/nothing-here");

        var error = Assert.ThrowsAsync<SyncException>(() => bed.StatusAsync(DemoPo("E1")))!;

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Configuration));
        Assert.That(error.Message, Does.Contain("OSF_TDSYNNEX_URL"));
    }

    [Test]
    public async Task GetStatus_NobodyListening_TransientAfterRetries()
    {
        var emulator = await TdSynnexEmulator.StartAsync(new TdSynnexScenario());
        var url = emulator.BaseUrl.ToString();
        await emulator.DisposeAsync();
        await using var bed = await StartAsync(new TdSynnexScenario(), o => o.Url = url);

        var error = Assert.ThrowsAsync<SyncException>(() => bed.StatusAsync(DemoPo("E1")))!;

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Transient));
        Assert.That(error.Message, Does.Contain("Gave up after 3 attempts"));
    }

    [Test]
    public void Create_InvalidOptions_ConfigurationListingEveryProblem()
    {
        var options = new OrderStatusFlow.TdSynnex.TdSynnexOptions { Password = Password, MaxAttempts = 0 };

        var error = Assert.Throws<SyncException>(() => OrderStatusFlow.TdSynnex.Status.TdSynnexStatusProvider.Create(options))!;

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Configuration));
        Assert.That(error.Message, Does.Contain("url is empty: set OSF_TDSYNNEX_URL")
            .And.Contain("OSF_TDSYNNEX_INVOICE_URL").And.Contain("OSF_TDSYNNEX_USER").And.Contain("OSF_TDSYNNEX_CUSTOMER").And.Contain("maxAttempts"));
        Assert.That(error.Message, Does.Not.Contain(Password));
        Assert.That(options.ToString(), Does.Not.Contain(Password));
    }
}
