using Dapper;
using Microsoft.Data.Sqlite;
using OrderStatusFlow.Sqlite;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>A temp folder holding one activity log file; deletes the folder when disposed.</summary>
internal sealed class TempActivityLog : IAsyncDisposable
{
    private TempActivityLog(string folder, SqliteActivityLog log)
    {
        Folder = folder;
        Log = log;
    }

    public string Folder { get; }

    public SqliteActivityLog Log { get; private set; }

    public string DbPath => Log.Path;

    public string WalPath => DbPath + "-wal";

    public static async Task<TempActivityLog> CreateAsync(SqliteActivityLogOptions? options = null)
    {
        var folder = NewFolder();
        var log = await SqliteActivityLog.OpenAsync(Path.Combine(folder, "nested", "activity.db"), options);
        return new TempActivityLog(folder, log);
    }

    public static string NewFolder() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "osf-sqlite-tests", Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>Closes the log and opens the same file again (what a service restart does).</summary>
    public async Task ReopenAsync(SqliteActivityLogOptions? options = null)
    {
        var path = DbPath;
        await Log.DisposeAsync();
        Log = await SqliteActivityLog.OpenAsync(path, options);
    }

    /// <summary>A second, independent read-only connection, as an analyst's sqlite3 would have.</summary>
    public SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = DbPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    public T Scalar<T>(string sql, object? parameters = null)
    {
        using var connection = OpenReader();
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }

    public List<T> Query<T>(string sql, object? parameters = null)
    {
        using var connection = OpenReader();
        return connection.Query<T>(sql, parameters).AsList();
    }

    public async ValueTask DisposeAsync()
    {
        await Log.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test.
        }
    }
}
