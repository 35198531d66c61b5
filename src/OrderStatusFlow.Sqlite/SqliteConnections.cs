using Microsoft.Data.Sqlite;

namespace OrderStatusFlow.Sqlite;

/// <summary>Connection strings and per-connection settings. Unpooled, so disposing really closes the file.</summary>
internal static class SqliteConnections
{
    public static SqliteConnection OpenWriter(string path, SqliteActivityLogOptions options)
    {
        var connection = new SqliteConnection(Build(path, SqliteOpenMode.ReadWriteCreate, options.BusyTimeout));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds};";
        command.ExecuteNonQuery();
        // Takes effect only on a new, empty file (before WAL writes its header): such files give space back after
        // retention. An existing file keeps its mode (see README, "Activity log").
        command.CommandText = "PRAGMA auto_vacuum = INCREMENTAL;";
        command.ExecuteNonQuery();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            connection.Dispose();
            throw new InvalidOperationException(
                $"The Sync Activity Log '{path}' could not be switched to WAL mode (SQLite answered '{mode}'). " +
                "Put the file on a local disk (WAL does not work on network shares).");
        }

        command.CommandText = $"""
            PRAGMA synchronous = NORMAL;
            PRAGMA journal_size_limit = {options.JournalSizeLimitBytes};
            PRAGMA cache_size = -{options.WriterCacheKiB};
            """;
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>A second writing connection for retention: WAL is already set, a small cache is enough.</summary>
    public static SqliteConnection OpenRetention(string path, SqliteActivityLogOptions options)
    {
        var connection = new SqliteConnection(Build(path, SqliteOpenMode.ReadWrite, options.BusyTimeout));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
        return connection;
    }

    public static SqliteConnection OpenReader(string path, TimeSpan busyTimeout)
    {
        var connection = new SqliteConnection(Build(path, SqliteOpenMode.ReadOnly, busyTimeout));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds};";
        command.ExecuteNonQuery();
        return connection;
    }

    private static string Build(string path, SqliteOpenMode mode, TimeSpan busyTimeout) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();
}
