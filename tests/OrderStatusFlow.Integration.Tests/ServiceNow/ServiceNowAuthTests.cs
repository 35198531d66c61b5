using OrderStatusFlow.ServiceNow.OpenOrders;
using OrderStatusFlow.ServiceNow.BatchUpdate;
using Microsoft.Extensions.Time.Testing;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.ServiceNow;

namespace OrderStatusFlow.Integration.Tests.ServiceNow;

public sealed class ServiceNowAuthTests
{
    const string ClientId = "osf-client";
    const string ClientSecret = "s3cret-client-value";

    static ServiceNowScenario WithOAuth(Action<ServiceNowOAuthClient>? configure = null)
    {
        var scenario = ServiceNowScenario.Generate(2);
        scenario.OAuth = new ServiceNowOAuthClient { ClientId = ClientId, ClientSecret = ClientSecret, ExpiresIn = 1799 };
        configure?.Invoke(scenario.OAuth);
        return scenario;
    }

    static void UseOAuth(ServiceNowOptions options)
    {
        options.ClientId = ClientId;
        options.ClientSecret = ClientSecret;
    }

    [Test]
    public async Task Basic_WrongPassword_ConfigurationFailureWithoutThePassword()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(1));
        using var client = Sn.Client(emulator, o => o.Password = "Wrong-Pa55word");

        var error = Assert.ThrowsAsync<SyncException>(async () => await Sn.ReadAllAsync(new ServiceNowOrderSource(client)));

        Assert.That(error!.Kind, Is.EqualTo(FailureKind.Configuration));
        Assert.That(error.Message, Does.Contain("osf.integration").And.Contain("OSF_SERVICENOW_PASSWORD"));
        Assert.That(error.Message, Does.Not.Contain("Wrong-Pa55word"));
    }

    [Test]
    public async Task OAuth_PasswordGrant_TokenFetchedOnceAndReused()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(WithOAuth());
        using var client = Sn.Client(emulator, UseOAuth);
        var source = new ServiceNowOrderSource(client);

        Assert.That(await Sn.ReadAllAsync(source), Has.Count.EqualTo(2));
        Assert.That(await Sn.ReadAllAsync(source), Has.Count.EqualTo(2));

        Assert.That(emulator.Stats[ServiceNowEmulatorStats.OAuth], Is.EqualTo(1));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.Unauthorized], Is.Zero);
    }

    [Test]
    public async Task OAuth_TokenNearExpiry_RefreshedBeforeUse()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(WithOAuth(c => c.ExpiresIn = 300));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = Sn.Client(emulator, UseOAuth, time);
        var source = new ServiceNowOrderSource(client);
        await Sn.ReadAllAsync(source);

        time.Advance(TimeSpan.FromSeconds(250)); // inside the 60 s margin before expiry
        await Sn.ReadAllAsync(source);

        Assert.That(emulator.Stats[ServiceNowEmulatorStats.OAuth], Is.EqualTo(2));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.Unauthorized], Is.Zero, "renewed before the instance had to refuse it");
    }

    [Test]
    public async Task OAuth_InstanceRejectsToken_RefreshesOnceAndSucceeds()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(WithOAuth());
        using var client = Sn.Client(emulator, UseOAuth);
        var source = new ServiceNowOrderSource(client);
        await Sn.ReadAllAsync(source);

        emulator.AdvanceClock(TimeSpan.FromHours(1)); // the instance now sees the token as expired; the client does not know
        var orders = await Sn.ReadAllAsync(source);

        Assert.That(orders, Has.Count.EqualTo(2));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.Unauthorized], Is.EqualTo(1));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.OAuth], Is.EqualTo(2));
    }

    [Test]
    public async Task OAuth_ParallelCallsRejected_OnlyOneNewToken()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(WithOAuth());
        using var client = Sn.Client(emulator, UseOAuth);
        await client.AuthenticateAsync(CancellationToken.None);
        emulator.AdvanceClock(TimeSpan.FromHours(1));

        var records = await Task.WhenAll(Enumerable.Range(1, 2).Select(i =>
            client.GetRecordAsync("proc_po", Sn.Po(i), ["sys_id", "number"], CancellationToken.None)));

        Assert.That(records.Select(r => r!["number"]), Is.EquivalentTo(new[] { Sn.Number(1), Sn.Number(2) }));
        Assert.That(emulator.Stats[ServiceNowEmulatorStats.OAuth], Is.EqualTo(2), "the first token, then one renewal for both rejected calls");
    }

    [Test]
    public async Task OAuth_ClientCredentialsGrant_UsedWhenNoUser()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(WithOAuth());
        using var client = Sn.Client(emulator, o => { UseOAuth(o); o.User = null; o.Password = null; });

        Assert.That(await Sn.ReadAllAsync(new ServiceNowOrderSource(client)), Has.Count.EqualTo(2));
    }

    static IEnumerable<TestCaseData> OAuthErrors()
    {
        yield return new TestCaseData(new Action<ServiceNowOAuthClient>(_ => { }), new Action<ServiceNowOptions>(o => o.ClientSecret = "not-the-secret"),
            "invalid_client", "OSF_SERVICENOW_CLIENT_SECRET").SetName("OAuth_WrongClientSecret_InvalidClientMessage");
        yield return new TestCaseData(new Action<ServiceNowOAuthClient>(c => c.ClientCredentialsEnabled = false),
            new Action<ServiceNowOptions>(o => { o.User = null; o.Password = null; }),
            "invalid_grant", "OAuth Application User").SetName("OAuth_ClientCredentialsWithoutAppUser_InvalidGrantMessage");
        yield return new TestCaseData(new Action<ServiceNowOAuthClient>(c => c.Grants = ["password", "refresh_token"]),
            new Action<ServiceNowOptions>(o => { o.User = null; o.Password = null; }),
            "unsupported_grant_type", "glide.oauth.inbound.client.credential.grant_type.enabled").SetName("OAuth_GrantNotSupported_UnsupportedGrantTypeMessage");
        yield return new TestCaseData(new Action<ServiceNowOAuthClient>(_ => { }), new Action<ServiceNowOptions>(o => o.Password = "bad-user-password"),
            "server_error", "OSF_SERVICENOW_PASSWORD").SetName("OAuth_WrongUserPassword_AccessDeniedMessage");
    }

    [TestCaseSource(nameof(OAuthErrors))]
    public async Task OAuth_ErrorBody_ClearConfigurationMessage(
        Action<ServiceNowOAuthClient> instance, Action<ServiceNowOptions> connector, string error, string advice)
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(WithOAuth(instance));
        using var client = Sn.Client(emulator, o => { UseOAuth(o); connector(o); });

        var failure = Assert.ThrowsAsync<SyncException>(async () => await Sn.ReadAllAsync(new ServiceNowOrderSource(client)));

        Assert.That(failure!.Kind, Is.EqualTo(FailureKind.Configuration));
        Assert.That(failure.Message, Does.Contain(error).And.Contain(advice));
        Assert.That(failure.Message, Does.Not.Contain(ClientSecret).And.Not.Contain("bad-user-password").And.Not.Contain(Sn.Password));
    }

    [Test]
    public void Options_Secrets_NeverInToString()
    {
        var options = new ServiceNowOptions { Url = "https://acme.service-now.com", User = "u", Password = "pw-123", ClientId = "cid", ClientSecret = "cs-456" };

        Assert.That(options.ToString(), Does.Not.Contain("pw-123").And.Not.Contain("cs-456"));
    }

    [Test]
    public void Validate_Empty_NamesEnvironmentVariables()
    {
        var problems = new ServiceNowOptions().Validate();

        Assert.That(problems, Has.Some.EqualTo("url is empty: set OSF_SERVICENOW_URL (e.g. https://acme.service-now.com)"));
        Assert.That(problems, Has.Some.Contains("OSF_SERVICENOW_USER"));
        Assert.That(problems, Has.Some.Contains("OSF_SERVICENOW_PASSWORD"));
    }
}
