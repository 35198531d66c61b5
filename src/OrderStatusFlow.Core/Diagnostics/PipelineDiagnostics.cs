using Serilog;

namespace OrderStatusFlow.Core.Diagnostics;

/// <summary>The pipeline's own diagnostics channel: log events with <c>SourceContext=OrderStatusFlow.Pipeline</c>.</summary>
public static class PipelineDiagnostics
{
    public const string SourceContext = "OrderStatusFlow.Pipeline";

    public static ILogger For(ILogger logger) => logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, SourceContext);
}
