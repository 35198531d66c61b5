using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.TestKit.Contracts;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>The SQLite activity log (a temp file) keeps the contract the in-memory fake is held to.</summary>
public sealed class SqliteActivityLogContractTests : ActivityLogContract
{
    readonly List<TempActivityLog> _logs = [];

    protected override async Task<IActivityLog> CreateAsync()
    {
        var log = await TempActivityLog.CreateAsync();
        _logs.Add(log);
        return log.Log;
    }

    [TearDown]
    public async Task DisposeLogs()
    {
        foreach (var log in _logs)
            await log.DisposeAsync();
        _logs.Clear();
    }
}
