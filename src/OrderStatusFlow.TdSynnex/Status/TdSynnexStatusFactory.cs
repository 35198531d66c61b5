using OrderStatusFlow.Core.Pipeline;

namespace OrderStatusFlow.TdSynnex.Status;

/// <summary><c>tdsynnex.status</c>: PO Status (and the invoice query when it is due) per PO, interpreted.</summary>
sealed class TdSynnexStatusFactory : StageFactory<StatusOptions>
{
    public override string Type => "tdsynnex.status";

    public override StageRole Role => StageRole.Status;

    public override string Description => "Queries TD SYNNEX PO Status (and invoices when due) and interprets the answer";

    protected override void Validate(StatusOptions options, StageContext context, StageProblems problems) =>
        TdSynnexConnection.Bind(context, problems);

    /// <summary>The provider owns one connection pool per stage (recycled so DNS changes are seen) and disposes it with the stage.</summary>
    protected override object Create(StatusOptions options, StageContext context)
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            return TdSynnexStatusProvider.Create(Options(options, TdSynnexConnection.Bind(context, null)), http, context.TimeProvider, context.Logger, ownsHttpClient: true);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    static TdSynnexOptions Options(StatusOptions args, TdSynnexConnectionOptions connection) => new()
    {
        Url = connection.Url,
        InvoiceUrl = connection.InvoiceUrl,
        User = connection.User,
        Password = connection.Password,
        Customer = connection.Customer,
        RequestsPerSecond = args.RequestsPerSecond,
        RequestTimeout = args.RequestTimeout,
        MaxAttempts = args.MaxAttempts,
        BaseDelay = args.BaseDelay,
        InvoiceFallback = args.InvoiceFallback,
    };
}
