namespace OrderStatusFlow.Core.Domain;

/// <summary>Why a PO failed; decides what the pipeline does next and what the activity log advises.</summary>
public enum FailureKind
{
    /// <summary>Timeouts, 5xx, resets, rate limits, "retry later" errors: retried with back-off, then failed for this cycle.</summary>
    Transient,

    /// <summary>Bad credentials, unregistered IP, wrong URL or customer number: stop hammering, fix the configuration.</summary>
    Configuration,

    /// <summary>The integration user lacks a role, ACL or field permission.</summary>
    Permission,

    /// <summary>The record or order does not exist (any more), e.g. TD SYNNEX <c>notFound</c> past the grace cycles.</summary>
    NotFound,

    /// <summary>The instance accepted the write but silently kept the old value of some field.</summary>
    Ignored,

    /// <summary>A rule threw, ran out of its time budget, or produced an invalid outcome.</summary>
    Rule,

    /// <summary>The remote answered something that cannot be read (malformed XML, HTML, unexpected shape).</summary>
    Data,

    /// <summary>A bug in the connector itself.</summary>
    Internal,
}
