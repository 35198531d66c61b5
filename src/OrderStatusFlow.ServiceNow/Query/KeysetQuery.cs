namespace OrderStatusFlow.ServiceNow.Query;

/// <summary>
/// Builds the keyset page query from the user's encoded query. <c>^NQ</c> starts a new OR'ed query, so a term
/// appended at the end would bind only to the last group and the other groups would be read again on every page
/// (or, worse, skipped): the keyset term <c>sys_id&gt;last</c> is added to every group, and every <c>ORDERBY</c> is
/// replaced by one <c>ORDERBYsys_id</c> at the end.
/// </summary>
internal static class KeysetQuery
{
    public static string Page(string userQuery, string lastSysId)
    {
        var keyset = lastSysId.Length > 0 ? $"sys_id>{lastSysId}" : "";
        var groups = (userQuery ?? "").Split("^NQ")
            .Select(group => string.Join("^", group.Split('^').Where(t => t.Length > 0 && !t.StartsWith("ORDERBY", StringComparison.Ordinal))))
            .ToList();
        // An empty group matches everything; it stays, with the keyset term.
        var parts = groups.Select(g => string.Join("^", new[] { g, keyset }.Where(t => t.Length > 0))).ToList();
        var filter = parts.All(p => p.Length == 0) ? "" : string.Join("^NQ", parts);
        return filter.Length == 0 ? "ORDERBYsys_id" : filter + "^ORDERBYsys_id";
    }
}
