using OrderStatusFlow.TdSynnex.Status;
using System.Xml.Linq;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Emulators.TdSynnex;
using OrderStatusFlow.TdSynnex.Tests.Support;
using OrderStatusFlow.TdSynnex;

namespace OrderStatusFlow.TdSynnex.Tests;

public sealed class TdSynnexClientWireTests
{
    /// <summary>Records what the client puts on the wire, then passes the request on to the emulator.</summary>
    sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        public List<(string Path, string? ContentType, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            lock (Requests)
                Requests.Add((request.RequestUri!.AbsolutePath, request.Content.Headers.ContentType?.ToString(), body));
            return await base.SendAsync(request, cancellationToken);
        }
    }

    [Test]
    public async Task GetStatus_Wire_TextXmlUtf8WithVersionedEnvelopes()
    {
        await using var emulator = await TdSynnexEmulator.StartAsync(new TdSynnexScenario { Password = "p<&>w", Orders = [TdSynnexScenarios.Invoiced("W1")] });
        using var handler = new RecordingHandler();
        var options = new TdSynnexOptions
        {
            Url = emulator.BaseUrl.ToString(), InvoiceUrl = emulator.BaseUrl.ToString(),
            User = "purchasing@acme-msp.example", Password = "p<&>w", Customer = "784512",
        };
        var provider = TdSynnexStatusProvider.Create(options, handler);

        var status = await provider.GetStatusAsync(TdSynnexTestBed.DemoPo("W1"), CancellationToken.None);

        Assert.That(status.State, Is.EqualTo(PoState.Invoiced), "credentials with XML special characters are escaped and accepted");
        Assert.That(handler.Requests.Select(r => r.Path), Is.EqualTo(new[] { "/SynnexXML/POStatus", "/webservice/invoice/query" }));
        Assert.That(handler.Requests.Select(r => r.ContentType), Is.All.EqualTo("text/xml; charset=utf-8"));
        var statusRequest = XDocument.Parse(handler.Requests[0].Body).Root!;
        var invoiceRequest = XDocument.Parse(handler.Requests[1].Body).Root!;
        Assert.That(statusRequest.Attribute("version")!.Value, Is.EqualTo("2.7"));
        Assert.That(invoiceRequest.Attribute("version")!.Value, Is.EqualTo("2.2"));
        Assert.That(statusRequest.Element("OrderStatusRequest")!.Element("PONumber")!.Value, Is.EqualTo("W1"));
        Assert.That(statusRequest.Element("OrderStatusRequest")!.Element("CustomerNumber")!.Value, Is.EqualTo("784512"));
        Assert.That(invoiceRequest.Element("InvoiceRequest")!.Element("PONumber")!.Value, Is.EqualTo("W1"));
        Assert.That(provider.Client.ToString(), Does.Not.Contain("p<&>w"));
    }
}
