using System.ComponentModel.DataAnnotations;
using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.Core.Pipeline;
using OrderStatusFlow.Core.Seams;
using OrderStatusFlow.TdSynnex;

namespace OrderStatusFlow.Service.Composition;

/// <summary><c>tdsynnex.status</c>: PO Status (and, where the contract says, the invoice query) per PO, interpreted.</summary>
sealed class TdSynnexStatusFactory(bool checkConnectionValues = true) : StageFactory<TdSynnexStatusFactory.Args>
{
    public static readonly IReadOnlyCollection<string> KnownKeys = [.. ConnectionSection.TdSynnexVariables.Keys];

    public sealed class Args
    {
        /// <summary>Upper bound of requests per second to TD SYNNEX; 0 (default) means no limit beyond the stage's parallelism.</summary>
        [Range(0, 10000)]
        public double RequestsPerSecond { get; set; }

        /// <summary>Time allowed for one HTTP attempt. Default 30 s.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Attempts per request for transient failures. Default 4.</summary>
        [Range(1, 20)]
        public int MaxAttempts { get; set; } = 4;

        /// <summary>Base delay of the exponential back-off with jitter. Default 1 s.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    }

    public override string Type => "tdsynnex.status";

    public override StageRole Role => StageRole.Status;

    public override string Description => "Queries TD SYNNEX PO Status (and invoices when due) and interprets the answer";

    protected override void Validate(Args options, StageContext context, StageProblems problems) =>
        ConnectionSection.TdSynnex(context).Report(problems, Options(options, context).Validate(), KnownKeys, checkConnectionValues);

    protected override object Create(Args options, StageContext context)
    {
        // One connection pool per stage, recycled periodically so DNS changes are seen; disposed with the stage.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            return new OwnedStatusProvider(TdSynnexStatusProvider.Create(Options(options, context), http, context.TimeProvider, context.Logger), http);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    sealed class OwnedStatusProvider(TdSynnexStatusProvider inner, HttpClient http) : IStatusProvider, IDisposable
    {
        public Task<OrderStatus> GetStatusAsync(PurchaseOrder order, CancellationToken cancellationToken) =>
            inner.GetStatusAsync(order, cancellationToken);

        public void Dispose() => http.Dispose();
    }

    static TdSynnexOptions Options(Args args, StageContext context)
    {
        var section = ConnectionSection.TdSynnex(context);
        return new TdSynnexOptions
        {
            Url = section.Get("url"),
            InvoiceUrl = section.Get("invoiceUrl"),
            User = section.Get("user"),
            Password = section.Get("password"),
            Customer = section.Get("customer"),
            RequestsPerSecond = args.RequestsPerSecond,
            RequestTimeout = args.RequestTimeout,
            MaxAttempts = args.MaxAttempts,
            BaseDelay = args.BaseDelay,
            Fields = new TdSynnexFieldNames { LineNumber = context.Source.LineNumberField },
        };
    }
}
