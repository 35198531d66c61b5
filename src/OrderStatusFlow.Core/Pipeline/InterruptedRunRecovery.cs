using OrderStatusFlow.Core.Diagnostics;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;
using Serilog;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// Before a run starts, settles what a stopped process left behind: each write logged as sent but never recorded is
/// read back from the record system, and its PO gets the event it missed in the run that sent it (<c>updated</c> when
/// the record holds the values, <c>failed</c> otherwise); then every run without a finish time is closed with an
/// error saying it was interrupted. Nothing is written to the record system.
/// </summary>
internal sealed class InterruptedRunRecovery(IActivityLog log, IRecordWriter writer, TimeProvider time, ILogger logger)
{
    public const string InterruptedError = "interrupted: the process stopped before this cycle finished (killed, crashed or the machine went down); " +
                                           "writes it had sent are settled from ServiceNow at the next start";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var open = await log.GetOpenIntentsAsync(cancellationToken).ConfigureAwait(false);
        if (open.Count > 0)
        {
            // The latest intent per PO and run is what was sent last.
            var latest = open.GroupBy(i => (i.RunId, i.Update.PoSysId)).Select(g => g.Last()).ToList();
            var results = await writer.ConfirmAsync(latest.Select(i => i.Update).ToList(), cancellationToken).ConfigureAwait(false);
            var bySysId = results.GroupBy(r => r.PoSysId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var entries = latest.Select(i => Entry(i, bySysId.GetValueOrDefault(i.Update.PoSysId))).ToList();
            await log.RecordEventsAsync(entries, cancellationToken).ConfigureAwait(false);
            logger.Warning("Settled {Count} write(s) of an interrupted run from ServiceNow: {Committed} committed, {Missing} not",
                entries.Count, entries.Count(e => e.Outcome == SyncOutcome.Updated), entries.Count(e => e.Outcome != SyncOutcome.Updated));
        }
        var closed = await log.CloseInterruptedRunsAsync(time.GetUtcNow(), InterruptedError, cancellationToken).ConfigureAwait(false);
        if (closed > 0)
            logger.Warning("Closed {Count} run(s) a stopped process left open", closed);
    }

    ActivityEntry Entry(WriteIntent intent, WriteResult? confirmed)
    {
        var committed = confirmed is { Succeeded: true };
        return new ActivityEntry
        {
            RunId = intent.RunId,
            At = time.GetUtcNow(),
            PoNumber = intent.Update.PoNumber ?? "",
            PoSysId = intent.Update.PoSysId,
            Outcome = committed ? SyncOutcome.Updated : SyncOutcome.Failed,
            FieldsJson = KnownSecrets.RedactOrNull(intent.FieldsJson),
            Error = committed ? null : KnownSecrets.Redact(new SyncException(FailureKind.Transient,
                "the process stopped after sending this write and before recording its outcome, and ServiceNow does not hold all of it " +
                $"({confirmed?.Error ?? "not confirmed"}); the PO is checked again in the next cycle").ToActivityError()),
            Detail = committed ? "recorded at the next start: the process stopped after ServiceNow committed this write" : null,
        };
    }
}
