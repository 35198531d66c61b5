namespace OrderStatusFlow.Rules.Tests.Support;

/// <summary>A temporary rules folder, deleted on dispose.</summary>
internal sealed class TempRules : IDisposable
{
    public TempRules()
    {
        Root = Path.Combine(Path.GetTempPath(), "osf-rules-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public TempRules With(string name, string text)
    {
        File.WriteAllText(Path.Combine(Root, name), text);
        return this;
    }

    public void Delete(string name) => File.Delete(Path.Combine(Root, name));

    public void Rename(string from, string to) => File.Move(Path.Combine(Root, from), Path.Combine(Root, to));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; temp folders are cleaned by the OS eventually.
        }
    }
}
