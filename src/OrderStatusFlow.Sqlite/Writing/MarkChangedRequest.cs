using Microsoft.Data.Sqlite;
using OrderStatusFlow.Core.Scheduling;

namespace OrderStatusFlow.Sqlite.Writing;

/// <summary>
/// Marks known POs as changed in ServiceNow until their next check (<see cref="FieldsHash.ChangedMark"/> in
/// <c>po_state.fields_hash</c>); forgotten POs (no digest) and unknown ones are left as they are.
/// </summary>
internal sealed class MarkChangedRequest(IReadOnlyCollection<string> poSysIds) : WriteRequest
{
    private const string Sql = "UPDATE po_state SET fields_hash = $mark WHERE po_sys_id = $sysId AND fields_hash IS NOT NULL;";

    public override int Weight => poSysIds.Count;

    public override long Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        command.Parameters.Add(new SqliteParameter("$mark", FieldsHash.ChangedMark));
        var sysId = command.Parameters.Add(new SqliteParameter { ParameterName = "$sysId" });
        long marked = 0;
        foreach (var id in poSysIds)
        {
            sysId.Value = id;
            marked += command.ExecuteNonQuery();
        }

        return marked;
    }
}
