using System.Net.Http.Headers;
using System.Text;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Http;

namespace OrderStatusFlow.Core.Tests.Http;

[TestFixture]
sealed class BoundedBodyTests
{
    static HttpContent Content(byte[] bytes, string? charset = "utf-8")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = charset };
        return content;
    }

    [Test]
    public void ReadAsync_LargerThanTheCap_IsADataError()
    {
        var ex = Assert.ThrowsAsync<SyncException>(() => BoundedBody.ReadAsync(Content(new byte[5000]), 4096, "the answer", CancellationToken.None));

        Assert.That(ex!.Kind, Is.EqualTo(FailureKind.Data));
        Assert.That(ex.Message, Does.Contain("larger than the 4 KiB cap"));
    }

    [Test]
    public void ReadAsync_InvalidUtf8_IsADataErrorNamingTheOffset()
    {
        var ex = Assert.ThrowsAsync<SyncException>(() => BoundedBody.ReadAsync(Content([.. "<a>"u8, 0xC3, 0x28]), 4096, "the answer", CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("not valid utf-8").And.Contain("offset 3"));
    }

    [Test]
    public async Task ReadAsync_Latin1DeclaredInTheXmlProlog_IsDecodedWithIt()
    {
        var bytes = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>café</a>");

        var text = await BoundedBody.ReadAsync(Content(bytes, charset: null), 4096, "the answer", CancellationToken.None);

        Assert.That(text, Does.EndWith("<a>café</a>"));
    }

    [Test]
    public async Task ReadAsync_ABodyOfManyReadBuffersWithoutALength_IsReadWhole()
    {
        var text = "<a>" + string.Concat(Enumerable.Range(0, 20_000).Select(i => (char)('a' + i % 26))) + "</a>";
        var content = Content(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentLength = null; // as a chunked answer: only the bytes received tell the size

        Assert.That(await BoundedBody.ReadAsync(content, 64 * 1024, "the answer", CancellationToken.None), Is.EqualTo(text));
    }

    [Test]
    public void ReadAsync_ABodyWithoutALengthThatOutgrowsTheCap_IsADataError()
    {
        var content = Content(new byte[40_000]);
        content.Headers.ContentLength = null;

        var ex = Assert.ThrowsAsync<SyncException>(() => BoundedBody.ReadAsync(content, 32 * 1024, "the answer", CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("larger than the 32 KiB cap (more than that received)"));
    }
}
