namespace OrderStatusFlow.Sqlite.Queries;

/// <summary>How many events of one run had this outcome.</summary>
public sealed record OutcomeCount(string Outcome, long Count);
