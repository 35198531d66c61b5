using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Service.Operator;

namespace OrderStatusFlow.Integration.Tests.Operator;

[TestFixture]
sealed class ConsoleOptionsTests
{
    static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Test]
    public void Resolve_Nothing_ListensOnLoopback8470ReadOnly()
    {
        var (options, error) = ConsoleOptions.Resolve(null, Env());
        Assert.That(error, Is.Null);
        Assert.That(options!.Listen.ToString(), Is.EqualTo("127.0.0.1:8470"));
        Assert.That(options.Token, Is.Null);
    }

    [Test]
    public void Resolve_NonLoopbackWithoutToken_IsRefusedSayingHowToFixIt()
    {
        var (options, error) = ConsoleOptions.Resolve(new ConsoleSectionOptions { Listen = "0.0.0.0:8470" }, Env());
        Assert.That(options, Is.Null);
        Assert.That(error, Does.Contain("not loopback").And.Contain("OSF_CONSOLE_TOKEN"));
    }

    [Test]
    public void Resolve_EnvironmentWinsOverTheFile_AndTokenReferencesExpand()
    {
        var section = new ConsoleSectionOptions { Listen = "127.0.0.1:9000", Token = "${MY_TOKEN}" };
        var (options, error) = ConsoleOptions.Resolve(section, Env(("OSF_CONSOLE_LISTEN", "0.0.0.0:0"), ("MY_TOKEN", "a-long-enough-token-value")));
        Assert.That(error, Is.Null);
        Assert.That(options!.Listen.ToString(), Is.EqualTo("0.0.0.0:0"));
        Assert.That(options.Token, Is.EqualTo("a-long-enough-token-value"));
    }

    [Test]
    public void Resolve_ShortTokenOrBadAddress_IsAClearError()
    {
        Assert.That(ConsoleOptions.Resolve(null, Env(("OSF_CONSOLE_TOKEN", "short"))).Error, Does.Contain("shorter than 16"));
        Assert.That(ConsoleOptions.Resolve(null, Env(("OSF_CONSOLE_LISTEN", "localhost:abc"))).Error, Does.Contain("is not an address:port"));
    }

    [Test]
    public void TokenMatches_OnlyTheExactToken()
    {
        Assert.That(ConsoleAuth.TokenMatches("a-long-enough-token-value", "a-long-enough-token-value"), Is.True);
        Assert.That(ConsoleAuth.TokenMatches("a-long-enough-token-valuE", "a-long-enough-token-value"), Is.False);
        Assert.That(ConsoleAuth.TokenMatches(null, "a-long-enough-token-value"), Is.False);
    }

    [Test]
    public void Csv_FormulaLikeCellsAreDefused_AndQuotesEscaped()
    {
        var csv = Csv.Write(["a", "b"], [["=cmd|' /C calc'!A0", "say \"hi\", twice"]]);
        Assert.That(csv, Is.EqualTo("a,b\r\n'=cmd|' /C calc'!A0,\"say \"\"hi\"\", twice\"\r\n"));
    }
}
