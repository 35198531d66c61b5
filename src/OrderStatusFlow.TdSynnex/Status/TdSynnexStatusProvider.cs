using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.TdSynnex.Interpretation;
using Serilog;

namespace OrderStatusFlow.TdSynnex.Status;

/// <summary>
/// The TD SYNNEX <see cref="IStatusProvider"/>: PO Status call, interpretation, then the invoice query
/// when <see cref="InvoicePolicy"/> says it is due (the answer shows an invoiced sales order whose invoice is not
/// noted; or shipped sales orders wait and <see cref="TdSynnexOptions.InvoiceFallback"/> has passed for the PO, see
/// <see cref="InvoiceFallbackClock"/>), and the interpretation again with the invoices.
/// An invoice query that fails transiently or has no invoice yet does not fail the PO: the status is returned
/// without invoices and <see cref="OrderStatus.InvoiceNote"/> says why (the PO just does not reach Invoiced this
/// cycle). Configuration and data failures of either call are thrown. Safe to call concurrently. Disposing the
/// provider disposes the HTTP client when it owns it (the stage factory's provider does).
/// </summary>
public sealed class TdSynnexStatusProvider : IStatusProvider, IDisposable
{
    HttpClient? _ownedHttp;

    readonly TdSynnexClient _client;
    readonly TdSynnexFieldNames _fields;
    readonly ILogger _logger;
    readonly TimeProvider _time;
    readonly InvoiceFallbackClock _fallback;
    long _invoiceQueries;
    long _invoicesDeferred;

    /// <param name="invoiceFallback">How often the invoice query is asked for a PO whose shipped sales orders wait for
    /// invoices PO Status does not show yet; default <see cref="TdSynnexOptions.InvoiceFallback"/>'s.</param>
    /// <param name="time">The clock of <paramref name="invoiceFallback"/>; the system clock when null.</param>
    public TdSynnexStatusProvider(TdSynnexClient client, TdSynnexFieldNames? fields = null, ILogger? logger = null, TimeSpan? invoiceFallback = null, TimeProvider? time = null)
    {
        _client = client;
        _fields = fields ?? new TdSynnexFieldNames();
        _logger = (logger ?? Serilog.Core.Logger.None).ForContext<TdSynnexStatusProvider>();
        _time = time ?? TimeProvider.System;
        _fallback = new InvoiceFallbackClock(invoiceFallback ?? new TdSynnexOptions().InvoiceFallback);
    }

    /// <summary>
    /// Validates <paramref name="options"/> (throws <see cref="SyncException"/> with <see cref="FailureKind.Configuration"/>
    /// listing every problem) and builds the client over <paramref name="httpClient"/> (a new one when null).
    /// </summary>
    /// <param name="ownsHttpClient">True: disposing the provider disposes <paramref name="httpClient"/> (always true when it is created here).</param>
    public static TdSynnexStatusProvider Create(TdSynnexOptions options, HttpClient? httpClient = null, TimeProvider? time = null, ILogger? logger = null, bool ownsHttpClient = false)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
            throw new SyncException(FailureKind.Configuration, "TD SYNNEX connection settings are invalid: " + string.Join("; ", problems));
        var http = httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        return new TdSynnexStatusProvider(new TdSynnexClient(options, http, time, logger), options.Fields, logger, options.InvoiceFallback, time)
        {
            _ownedHttp = httpClient is null || ownsHttpClient ? http : null,
        };
    }

    /// <summary>Same as <see cref="Create(TdSynnexOptions, HttpClient?, TimeProvider?, ILogger?, bool)"/> over a message handler.</summary>
    public static TdSynnexStatusProvider Create(TdSynnexOptions options, HttpMessageHandler handler, TimeProvider? time = null, ILogger? logger = null) =>
        Create(options, new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }, time, logger, ownsHttpClient: true);

    public TdSynnexClient Client => _client;

    public void Dispose() => Interlocked.Exchange(ref _ownedHttp, null)?.Dispose();

    /// <summary>Invoice queries made since start.</summary>
    public long InvoiceQueries => Interlocked.Read(ref _invoiceQueries);

    /// <summary>Invoice queries that gave no invoice (not available yet, or failed transiently).</summary>
    public long InvoicesDeferred => Interlocked.Read(ref _invoicesDeferred);

    public async Task<OrderStatus> GetStatusAsync(PurchaseOrder order, CancellationToken cancellationToken)
    {
        LineCheck.Ensure(order, _fields);
        var response = await _client.GetPoStatusAsync(order.Number, cancellationToken).ConfigureAwait(false);
        AnswerCheck.PoStatus(order.Number, _client.Customer, response);
        var status = StatusInterpreter.Interpret(order, response, [], _fields);
        var demand = InvoicePolicy.Demand(order, response, status, _fields);
        var now = _time.GetUtcNow();
        if (demand.Need == InvoiceNeed.None || (demand.Need == InvoiceNeed.Fallback && !_fallback.IsDue(order.SysId, demand.WaitingSince, now)))
            return status;

        Interlocked.Increment(ref _invoiceQueries);
        string note;
        try
        {
            var result = await _client.GetInvoicesAsync(order.Number, cancellationToken).ConfigureAwait(false);
            AnswerCheck.Invoices(order.Number, status, result);
            _fallback.Asked(order.SysId, now); // answered: the fallback clock restarts (a failure is retried at the next check)
            if (!result.NotAvailable)
                return StatusInterpreter.WithInvoices(status, response, result.Invoices);
            note = $"No invoice available yet from TD SYNNEX ({result.NotAvailableReason}); {Again(demand.Need)}";
        }
        catch (SyncException ex) when (ex.Kind == FailureKind.Transient)
        {
            note = $"Invoice query failed for now, status kept without invoices (asked again at the next check): {ex.Message}";
        }
        Interlocked.Increment(ref _invoicesDeferred);
        _logger.Debug("TD SYNNEX invoices for {PoNumber} deferred: {Note}", order.Number, note);
        return status with { InvoicesQueried = true, InvoiceNote = note };
    }

    string Again(InvoiceNeed need) => need == InvoiceNeed.Now || _fallback.Interval <= TimeSpan.Zero
        ? "asked again at the next check."
        : $"asked again at the first check after PO Status shows it invoiced, or after {_fallback.Interval}.";
}
