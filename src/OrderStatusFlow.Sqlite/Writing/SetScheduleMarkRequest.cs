using Microsoft.Data.Sqlite;

namespace OrderStatusFlow.Sqlite.Writing;

/// <summary>Sets one named time of the scheduler in <c>schedule_marks</c> (ISO-8601 UTC, like every log timestamp).</summary>
internal sealed class SetScheduleMarkRequest(string name, DateTimeOffset at) : WriteRequest
{
    public override long Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO schedule_marks(name, at) VALUES ($name, $at) ON CONFLICT(name) DO UPDATE SET at = excluded.at;";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$at", ActivityLogTimestamps.ToText(at));
        return command.ExecuteNonQuery();
    }
}
