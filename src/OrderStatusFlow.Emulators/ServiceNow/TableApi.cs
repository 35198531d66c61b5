using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary><c>/api/now[/v1|/v2]/table/{table}[/{sys_id}]</c>: list, read, update.</summary>
sealed class TableApi(InstanceState state)
{
    public SnResponse Handle(SnRequest request, string table, string? sysId, bool v1)
    {
        if (!state.Store.HasTable(table))
            return SnResponse.Error(400, "Invalid table " + table, null);
        return request.Method switch
        {
            "GET" when sysId is null => List(request, table, v1),
            "GET" => ReadOne(request, table, sysId),
            "PATCH" or "PUT" when sysId is not null => Update(request, table, sysId),
            _ => SnResponse.Error(405, "Method not Supported", $"{request.Method} is not supported for this resource"),
        };
    }

    SnResponse List(SnRequest request, string table, bool v1)
    {
        state.Stats.Add(ServiceNowEmulatorStats.TableReads);
        state.Stats.Add(ServiceNowEmulatorStats.TableReads + ":" + table);
        if (state.TableDenied(table, "read"))
            return SnResponse.Error(403, "Insufficient rights to query records", "ACL Exception: read access to " + table + " is denied");
        var query = EncodedQuery.Parse(request.Q("sysparm_query"));
        if (query.Fields.Any(f => state.Denied(table, f, "read")))
            return SnResponse.Error(403, "Insufficient rights to query records", "Field(s) present in the query do not have permission to be read");
        var limit = int.TryParse(request.Q("sysparm_limit"), out var l) && l > 0 ? l : 10000;
        var offset = int.TryParse(request.Q("sysparm_offset"), out var o) ? o : 0;
        if (offset < 0)
            return SnResponse.Error(400, "Invalid sysparm_offset", "sysparm_offset must not be negative");
        var (total, page) = state.Store.Query(table, query, offset, limit);
        if (v1 && total == 0)
            return SnResponse.NotFound();
        var result = new JArray(page.Select(r => Project(request, table, r)));
        state.AfterListRead(table);
        var response = SnResponse.Json(200, new JObject { ["result"] = result });
        response.Headers["X-Total-Count"] = total.ToString();
        if (!state.Scenario.OmitLinkHeader && request.Q("sysparm_suppress_pagination_header") != "true")
            response.Headers["Link"] = LinkHeader(request, offset, limit, total);
        return response;
    }

    SnResponse ReadOne(SnRequest request, string table, string sysId)
    {
        state.Stats.Add(ServiceNowEmulatorStats.TableReads);
        state.Stats.Add(ServiceNowEmulatorStats.TableReads + ":" + table);
        if (state.TableDenied(table, "read") || state.Store.Get(table, sysId) is not { } record)
            return SnResponse.NotFound();
        return SnResponse.Json(200, new JObject { ["result"] = Project(request, table, record) });
    }

    SnResponse Update(SnRequest request, string table, string sysId)
    {
        state.Stats.Add(ServiceNowEmulatorStats.TableWrites);
        if (state.Store.Get(table, sysId) is null)
            return SnResponse.NotFound();
        Dictionary<string, string> values;
        try
        {
            values = (JObject.Parse(request.Body) ?? []).Properties()
                .ToDictionary(p => p.Name, p => AsText(p.Value), StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            return SnResponse.Error(400, "Exception while reading request", "The payload is not valid JSON: " + e.Message);
        }
        if (state.TableDenied(table, "write") || values.Keys.Any(f => state.Denied(table, f, "write")))
            return SnResponse.Error(403, "Operation Failed", "ACL Exception Update Failed due to security constraints");
        if (state.TakeUnavailableWrite())
            return SnResponse.Unavailable();
        var patched = state.Store.Patch(table, sysId, values, f => state.IsReadOnly(table, f), state.Clock.Now);
        if (patched is not { } p)
            return SnResponse.NotFound();
        state.Stats.Add(ServiceNowEmulatorStats.Patches);
        state.RecordWrite(new ServiceNowCommittedWrite(table, sysId, p.Changed, p.Ignored, state.Clock.Now));
        if (state.TakeCancelAfterCommit(sysId))
        {
            state.Stats.Add(ServiceNowEmulatorStats.TransactionsCancelled);
            return SnResponse.TransactionCancelled();
        }
        return SnResponse.Json(200, new JObject { ["result"] = Project(request, table, p.Record) });
    }

    /// <summary>The instance stores every value as a string: <c>true</c>, <c>3</c>, <c>""</c> for null.</summary>
    static string AsText(JToken value) => value.Type switch
    {
        JTokenType.Null or JTokenType.Undefined => "",
        JTokenType.Boolean => (bool)value ? "true" : "false",
        JTokenType.Float => ((double)value).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    JObject Project(SnRequest request, string table, Dictionary<string, string> record)
    {
        var requested = request.Q("sysparm_fields") is { Length: > 0 } f
            ? f.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : record.Keys.ToArray();
        var withLinks = request.Q("sysparm_exclude_reference_link") != "true";
        var result = new JObject();
        foreach (var field in requested)
        {
            if (!record.TryGetValue(field, out var value) || state.Denied(table, field, "read"))
                continue;
            if (withLinks && value.Length > 0 && state.Scenario.References.TryGetValue(table + "." + field, out var target))
                result[field] = new JObject { ["link"] = new Uri(request.BaseUrl, $"api/now/table/{target}/{value}").ToString(), ["value"] = value };
            else
                result[field] = value;
        }
        return result;
    }

    static string LinkHeader(SnRequest request, int offset, int limit, int total)
    {
        string Url(int at)
        {
            var query = new Dictionary<string, string>(request.Query) { ["sysparm_limit"] = limit.ToString(), ["sysparm_offset"] = at.ToString() };
            var text = string.Join("&", query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
            return $"<{new Uri(request.BaseUrl, request.Path.TrimStart('/'))}?{text}>";
        }
        var last = total == 0 ? 0 : (total - 1) / limit * limit;
        var links = new List<string> { Url(0) + ";rel=\"first\"", Url(offset - limit) + ";rel=\"prev\"" };
        if (offset + limit < total)
            links.Add(Url(offset + limit) + ";rel=\"next\"");
        links.Add(Url(last) + ";rel=\"last\"");
        return string.Join(",", links);
    }
}
