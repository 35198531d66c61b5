using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.ServiceNow;

/// <summary>
/// Checks a configured instance before the connector runs: the user can authenticate, read the source query and the
/// line table, and read every field it reads and the rules write. Returns findings; never throws for what it finds.
/// Write access cannot be proven without writing: a field the instance silently ignores is reported on the first write.
/// </summary>
public sealed class ServiceNowDoctor(ServiceNowClient client)
{
    readonly ServiceNowOptions _options = client.Options;

    /// <param name="poWriteFields">PO fields the rules write; default: the PO fields read.</param>
    /// <param name="lineWriteFields">Line fields the rules write; default: the line fields read.</param>
    public async Task<IReadOnlyList<ServiceNowFinding>> CheckAsync(
        IReadOnlyCollection<string>? poWriteFields = null, IReadOnlyCollection<string>? lineWriteFields = null,
        CancellationToken cancellationToken = default)
    {
        var findings = new List<ServiceNowFinding>();
        var login = _options.UsesOAuth ? $"OAuth client '{_options.ClientId}'" : $"user '{_options.User}'";
        try
        {
            await client.AuthenticateAsync(cancellationToken);
            await client.ReadFirstAsync(_options.Table, "", ["sys_id"], 1, cancellationToken);
            findings.Add(new("authenticate", ServiceNowFindingLevel.Ok, $"{login} can log in to {client.BaseUrl} and call the Table API"));
        }
        catch (SyncException e) when (e.Kind is FailureKind.Configuration or FailureKind.Transient)
        {
            findings.Add(new("authenticate", ServiceNowFindingLevel.Error, e.Message,
                "fix the connection settings above; the other checks need a working login"));
            return findings;
        }
        catch (SyncException e)
        {
            findings.Add(new("authenticate", ServiceNowFindingLevel.Ok, $"{login} can log in to {client.BaseUrl}"));
            findings.Add(Denied($"read {_options.Table}", e, _options.Table));
        }

        findings.Add(await CheckQueryAsync(cancellationToken));
        findings.AddRange(await CheckFieldsAsync(_options.Table, _options.PoFields.Union(poWriteFields ?? []).ToList(), poWriteFields, cancellationToken));
        findings.AddRange(await CheckFieldsAsync(_options.LineTable, _options.LineFields.Union(lineWriteFields ?? []).ToList(), lineWriteFields, cancellationToken));
        return findings;
    }

    async Task<ServiceNowFinding> CheckQueryAsync(CancellationToken cancellationToken)
    {
        const string check = "read source query";
        try
        {
            var found = await client.ReadFirstAsync(_options.Table, _options.Query, ["sys_id", "number"], 1, cancellationToken);
            return found.Count > 0
                ? new(check, ServiceNowFindingLevel.Ok, $"the source query on {_options.Table} returns POs (first: {found[0].GetValueOrDefault("number", "?")})")
                : new(check, ServiceNowFindingLevel.Warning, $"the source query on {_options.Table} returns no PO: '{_options.Query}'",
                    "nothing to do until connector POs exist; if they do, check the query and the field names in it (unknown fields are ignored silently)");
        }
        catch (SyncException e)
        {
            return Denied(check, e, _options.Table);
        }
    }

    async Task<IEnumerable<ServiceNowFinding>> CheckFieldsAsync(
        string table, List<string> fields, IReadOnlyCollection<string>? writeFields, CancellationToken cancellationToken)
    {
        var check = $"read fields of {table}";
        IReadOnlyList<IReadOnlyDictionary<string, string>> records;
        try
        {
            records = await client.ReadFirstAsync(table, "", fields, 1, cancellationToken);
        }
        catch (SyncException e)
        {
            return [Denied(check, e, table, fields)];
        }
        if (records.Count == 0)
            return [new(check, ServiceNowFindingLevel.Warning, $"{table} has no record the user can see, so its fields cannot be checked",
                $"create one test record, or check the read ACL on {table}")];
        var missing = fields.Where(f => !records[0].ContainsKey(f)).ToList();
        if (missing.Count == 0)
        {
            var written = writeFields is { Count: > 0 } ? $"; fields written: {string.Join(",", writeFields)} (write access is confirmed on the first write)" : "";
            return [new(check, ServiceNowFindingLevel.Ok, $"all {fields.Count} fields are readable on {table}{written}")];
        }
        return missing.Select(field => new ServiceNowFinding(check, ServiceNowFindingLevel.Error,
            $"{table}.{field} did not come back: the field does not exist on {table} or the integration user may not read it" +
            (writeFields?.Contains(field) == true ? " (the rules write it)" : ""),
            $"create the column {field} on {table} (System Definition > Tables, or the connector's update set), or add a read ACL " +
            $"for {table}.{field} granted to the integration user's role; fields the rules write also need a write ACL"));
    }

    static ServiceNowFinding Denied(string check, SyncException e, string table, IReadOnlyCollection<string>? fields = null) =>
        new(check, ServiceNowFindingLevel.Error, e.Message, e.Kind switch
        {
            FailureKind.Permission => $"give the integration user the role procurement_user (read) and procurement_admin or field ACLs (write) on {table}" +
                                      (fields is null ? "" : $", covering {string.Join(",", fields)}"),
            FailureKind.NotFound or FailureKind.Configuration => $"check that the table {table} exists (plugin com.snc.procurement) and its name in the pipeline definition",
            _ => "retry later; the instance did not answer properly",
        });
}
