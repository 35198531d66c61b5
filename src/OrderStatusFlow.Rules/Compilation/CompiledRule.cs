namespace OrderStatusFlow.Rules.Compilation;

/// <summary>One loaded script: its display path and the submission factory that runs it against a globals object.</summary>
internal sealed record CompiledRule(string File, Func<object[], Task<object>> Entry);
