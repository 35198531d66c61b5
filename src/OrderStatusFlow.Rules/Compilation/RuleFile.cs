namespace OrderStatusFlow.Rules.Compilation;

/// <summary>One rule script as read from disk: its name, the path shown in messages, its text and content hash.</summary>
public sealed record RuleFile(string Name, string DisplayPath, string Text, string Hash);
