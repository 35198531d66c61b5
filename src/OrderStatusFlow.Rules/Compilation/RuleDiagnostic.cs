namespace OrderStatusFlow.Rules.Compilation;

/// <summary>One problem found in a rule file, located by 1-based line and column.</summary>
public sealed record RuleDiagnostic(string File, int Line, int Column, string Message)
{
    /// <summary><c>file(line,col): message</c>, the shape compilers and editors understand.</summary>
    public override string ToString() => $"{File}({Line},{Column}): {Message}";
}
