namespace OrderStatusFlow.ServiceNow;

/// <summary>One result of <see cref="ServiceNowDoctor"/>: what was checked, what was found, and how to fix it.</summary>
public sealed record ServiceNowFinding(string Check, ServiceNowFindingLevel Level, string Message, string? Fix = null)
{
    public override string ToString() =>
        $"[{Level.ToString().ToLowerInvariant()}] {Check}: {Message}" + (Fix is null ? "" : $" Fix: {Fix}");
}
