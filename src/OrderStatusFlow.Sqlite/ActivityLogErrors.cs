using Microsoft.Data.Sqlite;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Sqlite;

/// <summary>
/// Turns SQLite failures into <see cref="SyncException"/>s that say what, where and how to fix it. Only the file
/// path and SQLite's own message are included, never a connection string.
/// </summary>
internal static class ActivityLogErrors
{
    private const int Busy = 5, Locked = 6, ReadOnly = 8, IoError = 10, Full = 13, CantOpen = 14, Permission = 3;

    public static SyncException WriteFailed(string path, SqliteException e, TimeSpan? waited = null) =>
        new(KindOf(e), $"Could not write to the Sync Activity Log '{path}'" + (waited is { } w && w > TimeSpan.FromSeconds(1) ? $" for {w.TotalSeconds:0} s" : "") +
                       $": {e.Message} {HintFor(e)}", e);

    /// <summary>Conditions that may clear by themselves (a lock released, space freed, a flaky volume): worth waiting for.</summary>
    public static bool IsWorthWaiting(SqliteException e) => (e.SqliteErrorCode & 0xFF) is Busy or Locked or Full or IoError;

    public static SyncException ReadFailed(string path, SqliteException e) =>
        new(KindOf(e), $"Could not read the Sync Activity Log '{path}': {e.Message} {HintFor(e)}", e);

    /// <summary>Our own <see cref="InvalidOperationException"/>s already say what, where and how to fix it.</summary>
    public static SyncException OpenFailed(string path, Exception e) =>
        new(FailureKind.Configuration,
            e is InvalidOperationException
                ? e.Message
                : $"Could not open the Sync Activity Log '{path}': {e.Message} " +
                  "Check --db / OSF_DB / activityLog.path, that the folder is writable and that the file is a SQLite database.",
            e);

    private static FailureKind KindOf(SqliteException e) => e.SqliteErrorCode switch
    {
        Busy or Locked => FailureKind.Transient,
        ReadOnly or IoError or Full or CantOpen or Permission => FailureKind.Configuration,
        _ => FailureKind.Internal,
    };

    private static string HintFor(SqliteException e) => e.SqliteErrorCode switch
    {
        _ when e.Message.Contains("no such table", StringComparison.Ordinal) || e.Message.Contains("no such column", StringComparison.Ordinal) =>
            "The file's schema is older than this build reads; the service upgrades it when it opens it (./run.sh run --once).",
        Busy or Locked => "Another process holds a write lock longer than the busy timeout; close it (only the service should write).",
        Full => "Free disk space, or move the file with --db.",
        ReadOnly or Permission or CantOpen => "Make the file and its folder writable by the service account.",
        IoError => "The disk reported an I/O error; check the volume.",
        _ => "Report this with the file attached.",
    };
}
