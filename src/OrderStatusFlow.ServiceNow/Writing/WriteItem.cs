using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.ServiceNow.Writing;

/// <summary>One record of one update: what must end up on it, what is still to send, and how it went so far.</summary>
sealed class WriteItem(int update, string table, string sysId, string label, IReadOnlyDictionary<string, string> wanted)
{
    public int Update { get; } = update;

    public string Table { get; } = table;

    public string SysId { get; } = sysId;

    /// <summary>How a person recognises the record, e.g. <c>proc_po PO0010001</c>.</summary>
    public string Label { get; } = label;

    /// <summary>Fields not yet known to hold the wanted value.</summary>
    public Dictionary<string, string> Remaining { get; set; } = new(wanted, StringComparer.Ordinal);

    /// <summary>A write may have committed without an answer: read the record before writing again.</summary>
    public bool NeedsReadBack { get; set; }

    /// <summary>Sends that failed for a reason worth retrying.</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public bool Done { get; private set; }

    public FailureKind? FailureKind { get; private set; }

    public string? Error { get; private set; }

    public void Succeed() => Done = true;

    public void Fail(FailureKind kind, string error)
    {
        Done = true;
        FailureKind = kind;
        Error = error;
    }

    public static bool Same(string? a, string? b) =>
        string.Equals((a ?? "").ReplaceLineEndings("\n").Trim(), (b ?? "").ReplaceLineEndings("\n").Trim(), StringComparison.Ordinal);
}
