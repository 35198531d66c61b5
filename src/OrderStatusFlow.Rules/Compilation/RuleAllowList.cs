namespace OrderStatusFlow.Rules.Compilation;

/// <summary>
/// The framework types and members a rule may use. Everything not listed here is refused at compile time. The list is
/// deliberately small: values, text, dates, maths, in-memory collections and LINQ over them. Nothing on it does I/O,
/// keeps process-wide state, or runs a delegate anywhere but on the calling thread, before the call returns.
/// The README's rules section repeats it; keep the two in step.
/// </summary>
internal static class RuleAllowList
{
    /// <summary>Namespaces of the connector whose every type a rule may use: the rule globals and the status types.</summary>
    public static readonly IReadOnlySet<string> OwnNamespaces = new HashSet<string>(StringComparer.Ordinal)
    {
        "OrderStatusFlow.Rules.Scripting",
        "OrderStatusFlow.Core.Domain",
    };

    /// <summary>Framework types (metadata names without generic arity) a rule may use, with all their public members
    /// except those in <see cref="DeniedMembers"/>.</summary>
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal)
    {
        // values
        "System.Object", "System.ValueType", "System.Enum", "System.Boolean", "System.Char", "System.String",
        "System.Byte", "System.SByte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32", "System.Int64",
        "System.UInt64", "System.Int128", "System.UInt128", "System.Single", "System.Double", "System.Decimal",
        "System.Half", "System.Nullable", "System.Guid", "System.Index", "System.Range", "System.ValueTuple",
        "System.StringComparison", "System.StringComparer", "System.StringSplitOptions", "System.MidpointRounding",
        "System.Math", "System.MathF", "System.Convert", "System.Array", "System.Span", "System.ReadOnlySpan",
        "System.MemoryExtensions", "System.IEquatable", "System.IComparable", "System.IFormattable",
        "System.IFormatProvider", "System.Comparison", "System.Predicate", "System.Func", "System.Action",
        "System.Converter",
        // dates
        "System.DateTime", "System.DateTimeOffset", "System.TimeSpan", "System.DateOnly", "System.TimeOnly",
        "System.DayOfWeek", "System.DateTimeKind",
        "System.Globalization.CultureInfo", "System.Globalization.NumberStyles", "System.Globalization.DateTimeStyles",
        "System.Globalization.CompareOptions",
        // exceptions a rule may throw (or catch, except those that could hide a budget stop: see RuleSafetyChecker)
        "System.Exception", "System.ArgumentException", "System.ArgumentNullException", "System.ArgumentOutOfRangeException",
        "System.InvalidOperationException", "System.FormatException", "System.NotSupportedException",
        "System.OverflowException", "System.DivideByZeroException", "System.IndexOutOfRangeException",
        "System.NullReferenceException", "System.Collections.Generic.KeyNotFoundException",
        // text
        "System.Text.StringBuilder", "System.Text.RegularExpressions.Regex", "System.Text.RegularExpressions.RegexOptions",
        "System.Text.RegularExpressions.Match", "System.Text.RegularExpressions.MatchCollection",
        "System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.GroupCollection",
        "System.Text.RegularExpressions.Capture", "System.Text.RegularExpressions.CaptureCollection",
        "System.Text.RegularExpressions.RegexMatchTimeoutException",
        // collections
        "System.Collections.IEnumerable", "System.Collections.IEnumerator",
        "System.Collections.Generic.IEnumerable", "System.Collections.Generic.IEnumerator",
        "System.Collections.Generic.ICollection", "System.Collections.Generic.IList", "System.Collections.Generic.IDictionary",
        "System.Collections.Generic.IReadOnlyCollection", "System.Collections.Generic.IReadOnlyList",
        "System.Collections.Generic.IReadOnlyDictionary", "System.Collections.Generic.ISet", "System.Collections.Generic.IReadOnlySet",
        "System.Collections.Generic.IComparer", "System.Collections.Generic.IEqualityComparer",
        "System.Collections.Generic.Comparer", "System.Collections.Generic.EqualityComparer",
        "System.Collections.Generic.KeyValuePair", "System.Collections.Generic.List", "System.Collections.Generic.Dictionary",
        "System.Collections.Generic.HashSet", "System.Collections.Generic.SortedSet", "System.Collections.Generic.SortedDictionary",
        "System.Collections.Generic.SortedList", "System.Collections.Generic.Queue", "System.Collections.Generic.Stack",
        "System.Collections.Generic.LinkedList", "System.Collections.Generic.LinkedListNode",
        "System.Collections.Generic.PriorityQueue", "System.Collections.Generic.CollectionExtensions",
        // LINQ over in-memory sequences (not PLINQ, not IQueryable)
        "System.Linq.Enumerable", "System.Linq.IGrouping", "System.Linq.ILookup", "System.Linq.Lookup",
        "System.Linq.IOrderedEnumerable",
    };

    /// <summary>Members of listed types that are still refused, with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> DeniedMembers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["System.Object.GetType"] = "reflection",
        ["System.Object.MemberwiseClone"] = "reflection",
        ["System.Exception.TargetSite"] = "reflection",
        ["System.Exception.GetType"] = "reflection",
        ["System.Array.CreateInstance"] = "reflection",
        ["System.Array.CreateInstanceFromArrayType"] = "reflection",
        ["System.Enum.GetUnderlyingType"] = "reflection",
        ["System.Convert.ChangeType"] = "reflection",
        ["System.Delegate.Method"] = "reflection",
        ["System.Globalization.CultureInfo.CurrentCulture"] = "process-wide state: use CultureInfo.InvariantCulture",
        ["System.Globalization.CultureInfo.CurrentUICulture"] = "process-wide state: use CultureInfo.InvariantCulture",
        ["System.Globalization.CultureInfo.DefaultThreadCurrentCulture"] = "process-wide state: use CultureInfo.InvariantCulture",
        ["System.Globalization.CultureInfo.DefaultThreadCurrentUICulture"] = "process-wide state: use CultureInfo.InvariantCulture",
        ["System.String.Intern"] = "process-wide state (the intern pool is never freed)",
        ["System.String.IsInterned"] = "process-wide state",
        ["System.Text.RegularExpressions.Regex.CacheSize"] = "process-wide state",
        ["System.Text.RegularExpressions.Regex.CompileToAssembly"] = "code generation",
    };

    /// <summary>One line for messages: what a rule may use.</summary>
    public const string Summary =
        "rules may use the rule globals (Po, Tds, Settings, Set, ...), the status types, and strings, numbers, dates, Math, " +
        "Convert, StringBuilder, Regex (with a timeout), List/Dictionary/HashSet and the other System.Collections.Generic " +
        "collections, and LINQ over them (see the README's rules section)";
}
