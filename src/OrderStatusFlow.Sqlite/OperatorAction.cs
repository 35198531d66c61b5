namespace OrderStatusFlow.Sqlite;

/// <summary>One console action to record: who (the name given at sign-in and the client address), what, on what.</summary>
public sealed record OperatorAction(DateTimeOffset At, string Who, string Action, string? Target, string? Detail);
