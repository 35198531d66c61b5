using Microsoft.Data.Sqlite;

namespace OrderStatusFlow.Sqlite.Schema;

/// <summary>
/// Brings a Sync Activity Log file to <see cref="LatestVersion"/>. The schema version lives in
/// <c>PRAGMA user_version</c> (0 = empty file); each migration runs once, in order, inside one immediate transaction,
/// so concurrent openers and reopening an up-to-date file are harmless.
/// </summary>
internal static class SchemaMigrator
{
    // Index i holds the script that takes the schema from version i to version i + 1. Append, never edit.
    private static readonly string[] _migrations = [SchemaV1.Sql, SchemaV2.Sql, SchemaV3.Sql, SchemaV4.Sql, SchemaV5.Sql, SchemaV6.Sql, SchemaV7.Sql];

    public static int LatestVersion => _migrations.Length;

    /// <summary>Applies the missing migrations; returns the version the file had before.</summary>
    public static int Migrate(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var current = ReadVersion(connection, transaction);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The Sync Activity Log '{path}' has schema version {current}, written by a newer OrderStatusFlow; " +
                $"this build supports schema versions up to {LatestVersion} (po_state, write intents, operator_actions) " +
                "and does not change the file. " +
                "Run the newer OrderStatusFlow that wrote it, or point --db / OSF_DB / activityLog.path at another file.");
        }

        for (var version = current; version < LatestVersion; version++)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = _migrations[version] + $"\nPRAGMA user_version = {version + 1};";
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return current;
    }

    public static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
