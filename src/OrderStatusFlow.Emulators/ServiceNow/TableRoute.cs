namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>Matches <c>/api/now/table/{t}[/{id}]</c>, <c>/api/now/v1/table/...</c> and <c>/api/now/v2/table/...</c>.</summary>
static class TableRoute
{
    public static bool TryMatch(string path, out string table, out string? sysId, out bool v1)
    {
        table = "";
        sysId = null;
        v1 = false;
        var parts = path.Trim('/').Split('/');
        if (parts.Length < 4 || parts[0] != "api" || parts[1] != "now")
            return false;
        var at = 2;
        if (parts[2] is "v1" or "v2")
        {
            v1 = parts[2] == "v1";
            at = 3;
        }
        if (parts.Length <= at + 1 || parts[at] != "table" || parts.Length > at + 3)
            return false;
        table = parts[at + 1];
        sysId = parts.Length == at + 3 ? parts[at + 2] : null;
        return table.Length > 0;
    }
}
