namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// One problem in a pipeline definition, with where it is: <c>file:line:col: path: message</c>. Line and column are
/// 1-based; 0 when the problem has no position (a missing file, a missing section).
/// </summary>
public sealed record PipelineProblem(string File, int Line, int Column, string Path, string Message)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return Path.Length > 0 ? $"{where}: {Path}: {Message}" : $"{where}: {Message}";
    }
}
