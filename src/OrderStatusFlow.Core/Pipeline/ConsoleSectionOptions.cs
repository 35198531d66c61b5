namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// The <c>console</c> section of the pipeline file, as written: <c>OSF_CONSOLE_LISTEN</c> and <c>OSF_CONSOLE_TOKEN</c>
/// win over it, and the host checks the values (address syntax, token length, loopback without a token) at start.
/// </summary>
public sealed class ConsoleSectionOptions
{
    /// <summary>Address and port of the operator console. Default <c>127.0.0.1:8470</c>; port 0 picks a free one.</summary>
    public string Listen { get; set; } = "127.0.0.1:8470";

    /// <summary>The token the console's actions need, e.g. <c>"${OSF_CONSOLE_TOKEN}"</c>. Default none: read-only.</summary>
    public string Token { get; set; } = "";
}
