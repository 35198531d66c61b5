using System.Security;
using System.Text;

namespace OrderStatusFlow.Emulators.TdSynnex;

/// <summary>
/// Writes XML the way TD SYNNEX does: indented by hand, empty elements alternating between <c>&lt;X /&gt;</c> and
/// <c>&lt;X&gt;&lt;/X&gt;</c>, several short elements sometimes on one line.
/// </summary>
internal sealed class QuirkyXml
{
    readonly StringBuilder _text = new();
    int _depth;
    int _empties;

    public QuirkyXml Declaration()
    {
        _text.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        return this;
    }

    public QuirkyXml Open(string name, string? attributes = null)
    {
        Indent().Append('<').Append(name).Append(attributes is null ? "" : " " + attributes).Append(">\n");
        _depth++;
        return this;
    }

    public QuirkyXml Close(string name)
    {
        _depth--;
        Indent().Append("</").Append(name).Append(">\n");
        return this;
    }

    /// <summary>An element on its own line; empty or null values alternate between the two empty spellings.</summary>
    public QuirkyXml Element(string name, string? value)
    {
        Indent().Append(Inline(name, value)).Append('\n');
        return this;
    }

    /// <summary>Several elements on one line, as the real v2.7 payload has for fees and estimated dates.</summary>
    public QuirkyXml Line(params (string Name, string? Value)[] elements)
    {
        Indent();
        foreach (var (name, value) in elements)
            _text.Append(Inline(name, value));
        _text.Append('\n');
        return this;
    }

    public string Inline(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return _empties++ % 2 == 0 ? $"<{name} />" : $"<{name}></{name}>";
        return $"<{name}>{SecurityElement.Escape(value)}</{name}>";
    }

    public QuirkyXml Raw(string xml)
    {
        Indent().Append(xml).Append('\n');
        return this;
    }

    StringBuilder Indent() => _text.Append(' ', _depth * 2);

    public override string ToString() => _text.ToString();
}
