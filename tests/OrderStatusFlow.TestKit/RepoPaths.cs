namespace OrderStatusFlow.TestKit;

/// <summary>Finds the repository root (the folder holding OrderStatusFlow.sln) from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Pipelines => Path.Combine(Root, "pipelines");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OrderStatusFlow.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"OrderStatusFlow.sln not found above {AppContext.BaseDirectory}: run the tests from inside the repository.");
    }
}
