using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.Sqlite;
using OrderStatusFlow.TestKit.Contracts;

namespace OrderStatusFlow.Integration.Tests.Sqlite;

/// <summary>The schedule in the activity log file (a temp file) keeps the contract the in-memory one is held to.</summary>
public sealed class SqliteCheckScheduleContractTests : CheckScheduleContract
{
    readonly List<TempActivityLog> _logs = [];

    protected override async Task<ICheckSchedule> CreateAsync()
    {
        var log = await TempActivityLog.CreateAsync();
        _logs.Add(log);
        return new SqliteCheckSchedule(log.Log);
    }

    [TearDown]
    public async Task DisposeLogs()
    {
        foreach (var log in _logs)
            await log.DisposeAsync();
        _logs.Clear();
    }
}
