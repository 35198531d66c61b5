using Dapper;
using Microsoft.Data.Sqlite;

namespace OrderStatusFlow.Integration.Tests.EndToEnd;

/// <summary>Reads the activity log the way an analyst would: plain SQL on the file.</summary>
static class ActivityDb
{
    public sealed record Event(long RunId, string PoNumber, string PoSysId, string Outcome, string? TdsStatus, string? NewStatus, string? FieldsJson, string? Error, string? Detail);

    public static IReadOnlyList<Event> Events(string path, long? runId = null)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        return connection.Query<Event>(
            "SELECT run_id AS RunId, po_number AS PoNumber, po_sys_id AS PoSysId, outcome AS Outcome, tds_status AS TdsStatus, " +
            "new_status AS NewStatus, fields_json AS FieldsJson, error AS Error, detail AS Detail FROM sync_events " +
            "WHERE @runId IS NULL OR run_id = @runId ORDER BY event_id", new { runId }).ToList();
    }

    public static long Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        return connection.ExecuteScalar<long>(sql);
    }
}
