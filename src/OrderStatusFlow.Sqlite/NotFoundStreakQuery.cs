namespace OrderStatusFlow.Sqlite;

/// <summary>
/// The per-cycle notFound streak query: the POs whose latest TD SYNNEX answers were notFound, with how many in a row.
/// It reads <c>po_state</c> through a partial index, so its cost grows with the POs in such a streak, not with the
/// log (and it stays right when unchanged cycles are not recorded as events).
/// </summary>
internal static class NotFoundStreakQuery
{
    public const string Sql = """
        SELECT po_sys_id AS PoSysId, not_found_streak AS Streak FROM po_state WHERE not_found_streak > 0;
        """;
}
