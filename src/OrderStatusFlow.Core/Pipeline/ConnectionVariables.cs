namespace OrderStatusFlow.Core.Pipeline;

/// <summary>The <c>OSF_*</c> environment variables that override connection keys, registered by the connector projects.</summary>
public static class ConnectionVariables
{
    /// <summary>
    /// Removes every variable in <paramref name="maps"/> from this process, so a pipeline file with literal endpoints
    /// (the bench's, the tests') cannot be redirected to a real instance by variables left over in the shell.
    /// </summary>
    public static void Clear(params IReadOnlyDictionary<string, string>[] maps)
    {
        foreach (var name in maps.SelectMany(m => m.Values))
            Environment.SetEnvironmentVariable(name, null);
    }
}
