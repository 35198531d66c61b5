using OrderStatusFlow.Emulators.ServiceNow;
using OrderStatusFlow.ServiceNow;

namespace OrderStatusFlow.Integration.Tests.ServiceNow;

public sealed class ServiceNowDoctorTests
{
    static readonly string[] PoWrites = ["u_tds_order_status", "u_tracking_number", "u_ship_date", "u_vendor_notes"];
    static readonly string[] LineWrites = ["u_tds_line_status", "u_tds_shipped_quantity", "u_carrier"];

    [Test]
    public async Task Check_HealthyInstance_NoErrors()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(2));
        using var client = Sn.Client(emulator);

        var findings = await new ServiceNowDoctor(client).CheckAsync(PoWrites, LineWrites);

        Assert.That(findings.Where(f => f.Level != ServiceNowFindingLevel.Ok), Is.Empty, string.Join("\n", findings));
        Assert.That(findings.Select(f => f.Check), Is.SupersetOf(new[] { "authenticate", "read source query", "read fields of proc_po", "read fields of proc_po_item" }));
    }

    [Test]
    public async Task Check_MissingAndUnreadableFields_NamesEachWithFix()
    {
        var scenario = ServiceNowScenario.Generate(2);
        scenario.Acl.Add(new ServiceNowAclRule { Table = "proc_po", Field = "u_vendor_notes", Operation = "read" });
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator);

        var findings = await new ServiceNowDoctor(client).CheckAsync(PoWrites, [.. LineWrites, "u_tds_missing_field"]);

        var errors = findings.Where(f => f.Level == ServiceNowFindingLevel.Error).ToList();
        Assert.That(errors.Select(f => f.Message), Has.Some.StartsWith("proc_po.u_vendor_notes did not come back"));
        Assert.That(errors.Single(f => f.Message.StartsWith("proc_po_item.u_tds_missing_field did not come back")).Message, Does.Contain("(the rules write it)"));
        Assert.That(errors.All(f => f.Fix is not null && f.Fix.Contains("ACL")), Is.True);
        Assert.That(errors, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Check_QueryFieldNotReadable_PermissionFindingOnSourceQuery()
    {
        var scenario = ServiceNowScenario.Generate(2);
        scenario.Acl.Add(new ServiceNowAclRule { Table = "proc_po", Field = "u_tds_cpo_id", Operation = "read" });
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator);

        var findings = await new ServiceNowDoctor(client).CheckAsync();

        var query = findings.Single(f => f.Check == "read source query");
        Assert.That(query.Level, Is.EqualTo(ServiceNowFindingLevel.Error));
        Assert.That(query.Message, Does.Contain("403").And.Contain("Insufficient rights to query records"));
        Assert.That(query.Fix, Does.Contain("procurement_user"));
    }

    [Test]
    public async Task Check_LineTableDenied_ErrorForLineTable()
    {
        var scenario = ServiceNowScenario.Generate(2);
        scenario.Acl.Add(new ServiceNowAclRule { Table = "proc_po_item", Operation = "read" });
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator);

        var findings = await new ServiceNowDoctor(client).CheckAsync();

        var lines = findings.Single(f => f.Check == "read fields of proc_po_item");
        Assert.That(lines.Level, Is.EqualTo(ServiceNowFindingLevel.Error));
        Assert.That(lines.Fix, Does.Contain("proc_po_item"));
    }

    [Test]
    public async Task Check_WrongPassword_OnlyTheAuthenticationError()
    {
        await using var emulator = await ServiceNowEmulator.StartAsync(ServiceNowScenario.Generate(1));
        using var client = Sn.Client(emulator, o => o.Password = "nope-nope");

        var findings = await new ServiceNowDoctor(client).CheckAsync();

        Assert.That(findings, Has.Count.EqualTo(1));
        Assert.That(findings[0].Check, Is.EqualTo("authenticate"));
        Assert.That(findings[0].Level, Is.EqualTo(ServiceNowFindingLevel.Error));
        Assert.That(findings[0].Message, Does.Contain("401").And.Not.Contain("nope-nope"));
    }

    [Test]
    public async Task Check_EmptyQueryResult_Warning()
    {
        var scenario = ServiceNowScenario.Generate(1);
        scenario.Tables["proc_po"][0]["status"] = "received";
        await using var emulator = await ServiceNowEmulator.StartAsync(scenario);
        using var client = Sn.Client(emulator);

        var findings = await new ServiceNowDoctor(client).CheckAsync();

        Assert.That(findings.Single(f => f.Check == "read source query").Level, Is.EqualTo(ServiceNowFindingLevel.Warning));
    }
}
