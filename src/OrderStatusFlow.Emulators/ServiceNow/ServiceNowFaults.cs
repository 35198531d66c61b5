namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>Injected failures. Counters are consumed as the faults fire.</summary>
public sealed class ServiceNowFaults
{
    /// <summary>Writes to these sys_ids commit, then answer 500 "Transaction cancelled" (once per sys_id).</summary>
    public List<string> CancelAfterCommitSysIds { get; set; } = [];

    /// <summary>The first K writes commit, then answer 500 "Transaction cancelled".</summary>
    public int CancelAfterCommitFirstWrites { get; set; }

    /// <summary>The first K batch requests run every item, then answer 500 "Transaction cancelled" as a whole.</summary>
    public int CancelBatchAfterCommitFirstRequests { get; set; }

    /// <summary>The first K writes answer 503 without committing.</summary>
    public int UnavailableFirstWrites { get; set; }

    /// <summary>The first K requests (any kind, not OAuth) answer 503 without doing anything.</summary>
    public int UnavailableFirstRequests { get; set; }

    /// <summary>Edits a person makes right after the first list read of their table (see <see cref="ServiceNowHumanEdit"/>).</summary>
    public List<ServiceNowHumanEdit> HumanEdits { get; set; } = [];

    /// <summary>
    /// The first K requests (not OAuth) answer 500 with an error detail that echoes the request's credentials: the
    /// Authorization header and the user and password decoded from it (as a misconfigured gateway might).
    /// </summary>
    public int EchoCredentialsFirstRequests { get; set; }
}
