using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OrderStatusFlow.Sqlite.Retention;

/// <summary>One-value reads used by the retention pass.</summary>
internal static class SqliteScalars
{
    /// <summary>The first column of the first row as a long; null when there is no row or it is NULL.</summary>
    public static long? ExecuteScalarOrNull(this SqliteConnection connection, string sql, string? cutoff)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (cutoff is not null)
        {
            command.Parameters.AddWithValue("$cutoff", cutoff);
        }

        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;
    }
}
