using System.Net;
using OrderStatusFlow.Core.Pipeline;

namespace OrderStatusFlow.Service.Operator;

/// <summary>
/// Where the operator console listens and the token its actions need: <c>console.listen</c> / <c>console.token</c> in
/// the pipeline file, overridden by <c>OSF_CONSOLE_LISTEN</c> / <c>OSF_CONSOLE_TOKEN</c>.
/// </summary>
sealed class ConsoleOptions
{
    public const string ListenVariable = "OSF_CONSOLE_LISTEN";
    public const string TokenVariable = "OSF_CONSOLE_TOKEN";

    /// <summary>Address and port; default <c>127.0.0.1:8470</c>. Port 0 picks a free port.</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 8470);

    /// <summary>Needed for actions; null: the console is read-only.</summary>
    public string? Token { get; init; }

    /// <summary>The options, or a message saying what is wrong and how to fix it.</summary>
    public static (ConsoleOptions? Options, string? Error) Resolve(ConsoleSectionOptions? section, Func<string, string?> environment)
    {
        var listenText = environment(ListenVariable) is { Length: > 0 } l ? l : Expand(section?.Listen, environment);
        var token = environment(TokenVariable) is { Length: > 0 } t ? t : Expand(section?.Token, environment);
        var listen = new IPEndPoint(IPAddress.Loopback, 8470);
        if (!string.IsNullOrWhiteSpace(listenText) && !IPEndPoint.TryParse(listenText.Trim(), out listen!))
            return (null, $"console.listen / {ListenVariable} '{listenText}' is not an address:port; use e.g. 127.0.0.1:8470 (port 0 picks a free one)");
        if (string.IsNullOrEmpty(token))
            token = null;
        if (token is not null && token.Length < 16)
            return (null, $"the console token ({TokenVariable} / console.token) is shorter than 16 characters; use a long random value, e.g. from 'openssl rand -hex 24'");
        if (!IPAddress.IsLoopback(listen.Address) && token is null)
            return (null, $"the console would listen on {listen} (not loopback) without a token; set {TokenVariable} (or console.token) or listen on 127.0.0.1");
        return (new ConsoleOptions { Listen = listen, Token = token }, null);
    }

    static string? Expand(string? value, Func<string, string?> environment) =>
        value is null ? null
        : System.Text.RegularExpressions.Regex.Replace(value, @"\$\{([A-Za-z_][A-Za-z0-9_]*)\}", m => environment(m.Groups[1].Value) ?? "");
}
