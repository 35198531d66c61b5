namespace OrderStatusFlow.Core.Domain;

/// <summary>
/// The one exception type seams throw for an expected failure. The message says what went wrong and what to do
/// about it, and never contains a credential.
/// </summary>
public sealed class SyncException : Exception
{
    public SyncException(FailureKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public FailureKind Kind { get; }

    /// <summary>The text stored in <c>sync_events.error</c>.</summary>
    public string ToActivityError() => $"{Kind.ToString().ToLowerInvariant()}: {Message}";
}
