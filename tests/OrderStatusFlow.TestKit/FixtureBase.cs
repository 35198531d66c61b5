using NUnit.Framework;

namespace OrderStatusFlow.TestKit;

/// <summary>
/// Base for test fixtures: <see cref="Using{T}"/> disposes things after each test (last first), and
/// <see cref="NewTempDirectory"/> gives a fresh folder that is deleted afterwards.
/// </summary>
public abstract class FixtureBase
{
    readonly Stack<object> _disposables = new();

    [SetUp]
    public void FixtureBaseSetUp() => SetUp();

    [TearDown]
    public async Task FixtureBaseTearDown()
    {
        TearDown();
        while (_disposables.TryPop(out var item))
        {
            if (item is IAsyncDisposable asyncDisposable)
                await asyncDisposable.DisposeAsync();
            else if (item is IDisposable disposable)
                disposable.Dispose();
        }
    }

    protected virtual void SetUp()
    {
    }

    protected virtual void TearDown()
    {
    }

    protected T Using<T>(T disposable) where T : class
    {
        _disposables.Push(disposable);
        return disposable;
    }

    protected string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "osf-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        Using(new TempDirectory(path));
        return path;
    }

    sealed class TempDirectory(string path) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // a watcher may still hold the folder briefly; the OS temp cleanup takes it
            }
        }
    }
}
