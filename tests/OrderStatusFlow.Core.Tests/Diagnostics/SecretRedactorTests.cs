using System.Text;
using OrderStatusFlow.Core.Diagnostics;

namespace OrderStatusFlow.Core.Tests.Diagnostics;

[TestFixture]
sealed class SecretRedactorTests
{
    const string Secret = "p@ss <w&rd> \"é\" +/";

    [Test]
    public void Redact_EveryEncodingOfTheSecret_IsReplaced()
    {
        var redactor = new SecretRedactor([Secret], [("osf", Secret)]);
        var forms = SecretRedactor.FormsOf(Secret).Append(Convert.ToBase64String(Encoding.UTF8.GetBytes("osf:" + Secret))).ToList();

        Assert.That(forms.Distinct().Count(), Is.GreaterThanOrEqualTo(5), "literal, XML, URL (two ways), JSON (two ways), Basic");
        foreach (var form in forms)
            Assert.That(redactor.Redact($"before {form} after"), Is.EqualTo("before *** after"), form);
    }

    [Test]
    public void Redact_UpperCaseUrlEscapes_AreReplacedToo() =>
        Assert.That(new SecretRedactor("a/b c").Redact("x=A%2FB%20C"), Is.EqualTo("x=***"));

    [Test]
    public void Redact_ShortSecrets_AreLeftAlone() =>
        Assert.That(new SecretRedactor("ab").Redact("ab cab"), Is.EqualTo("ab cab"));

    [TestCase("https://user:secret@host.example/x", true, "https://***@host.example/x")]
    [TestCase("https://host.example/x?a=b@c", false, "https://host.example/x?a=b@c")]
    [TestCase("https://user:sec ret@host", true, "https://***@host")]
    public void UrlText_CredentialsBeforeTheHost_AreFoundAndHidden(string url, bool has, string safe)
    {
        Assert.That(UrlText.HasCredentials(url), Is.EqualTo(has));
        Assert.That(UrlText.Safe(url), Is.EqualTo(safe));
    }
}
