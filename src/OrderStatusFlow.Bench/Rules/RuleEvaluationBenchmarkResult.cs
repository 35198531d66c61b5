namespace OrderStatusFlow.Bench.Rules;

/// <summary>Time and managed allocation per evaluated order.</summary>
sealed record RuleEvaluationBenchmarkResult(int Orders, int Scripts, double MicrosecondsPerOrder, double BytesPerOrder)
{
    public string ToText() =>
        $"{Orders:N0} evaluations of {Scripts} scripts: {MicrosecondsPerOrder:0.00} µs/order, {BytesPerOrder:0} bytes allocated/order";
}
