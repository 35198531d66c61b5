using Dapper;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Sqlite.Writing;

/// <summary>Inserts <c>write_intents</c> rows: writes about to be sent, settled by the PO's event.</summary>
internal sealed class RecordIntentsRequest(IReadOnlyList<WriteIntent> intents) : WriteRequest
{
    private const string Sql = """
        INSERT INTO write_intents(run_id, po_sys_id, po_number, at, update_json, fields_json)
        VALUES (@RunId, @PoSysId, @PoNumber, @At, @UpdateJson, @FieldsJson);
        """;

    public override int Weight => intents.Count;

    public override long Apply(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute(Sql, intents.Select(i => new
        {
            i.RunId,
            i.Update.PoSysId,
            PoNumber = i.Update.PoNumber ?? "",
            At = ActivityLogTimestamps.ToText(i.At),
            UpdateJson = JsonConvert.SerializeObject(i.Update),
            i.FieldsJson,
        }), transaction);

    public static WriteIntent Read(long runId, string at, string updateJson, string? fieldsJson) =>
        new(runId, ActivityLogTimestamps.Parse(at),
            JsonConvert.DeserializeObject<StatusUpdate>(updateJson) ?? throw new InvalidDataException("write_intents.update_json is empty"),
            fieldsJson);
}
