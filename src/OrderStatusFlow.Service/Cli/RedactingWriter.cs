using System.Text;
using OrderStatusFlow.Core.Diagnostics;

namespace OrderStatusFlow.Service.Cli;

/// <summary>
/// The last line of defence for stdout and stderr: every line passes through <see cref="KnownSecrets"/> before it
/// is written, whatever code path produced it (log lines, exception dumps, command output). Buffers up to a line end
/// (or a flush), so a secret written in pieces is still seen whole.
/// </summary>
sealed class RedactingWriter(TextWriter inner) : TextWriter
{
    readonly StringBuilder _line = new();
    readonly Lock _lock = new();

    public override Encoding Encoding => inner.Encoding;

    /// <summary>Puts a redacting writer in front of the console's output and error streams.</summary>
    public static void Install()
    {
        Console.SetOut(new RedactingWriter(Console.Out));
        Console.SetError(new RedactingWriter(Console.Error));
    }

    public override void Write(char value)
    {
        lock (_lock)
        {
            _line.Append(value);
            if (value == '\n')
                Emit();
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
            return;
        lock (_lock)
        {
            _line.Append(value);
            if (value.Contains('\n'))
                Emit();
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write((value ?? "") + CoreNewLine.AsSpan().ToString());

    public override void Flush()
    {
        lock (_lock)
            Emit();
        inner.Flush();
    }

    void Emit()
    {
        if (_line.Length == 0)
            return;
        inner.Write(KnownSecrets.Redact(_line.ToString()));
        _line.Clear();
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            Flush();
        base.Dispose(disposing);
    }
}
