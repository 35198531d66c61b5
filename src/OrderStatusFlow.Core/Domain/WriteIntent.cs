namespace OrderStatusFlow.Core.Domain;

/// <summary>
/// A write about to be sent, recorded in the activity log first. The PO's event of the same run settles it; one left
/// open means the process stopped between sending and recording, and the next start reads the record back to record
/// what was committed.
/// </summary>
/// <param name="FieldsJson">The update in the activity log's <c>fields_json</c> shape, with the PO's table names.</param>
public sealed record WriteIntent(long RunId, DateTimeOffset At, StatusUpdate Update, string? FieldsJson = null);
