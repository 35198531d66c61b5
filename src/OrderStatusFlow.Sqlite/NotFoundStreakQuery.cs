namespace OrderStatusFlow.Sqlite;

/// <summary>
/// The per-cycle notFound streak query. It starts from the (few) notFound events through a partial index, keeps the
/// POs whose very latest event is one of them, and counts back to the latest event that is not notFound; so its cost
/// grows with the notFound events, not with the size of the log.
/// </summary>
internal static class NotFoundStreakQuery
{
    public const string Sql = """
        SELECT c.po_sys_id AS PoSysId,
               (SELECT COUNT(*) FROM sync_events AS n
                WHERE n.po_sys_id = c.po_sys_id
                  AND n.tds_status = 'notFound' COLLATE NOCASE
                  AND n.event_id > IFNULL(
                      (SELECT o.event_id FROM sync_events AS o
                       WHERE o.po_sys_id = c.po_sys_id
                         AND (o.tds_status IS NULL OR o.tds_status <> 'notFound' COLLATE NOCASE)
                       ORDER BY o.event_id DESC LIMIT 1), 0)) AS Streak
        FROM (SELECT po_sys_id, MAX(event_id) AS last_not_found
              FROM sync_events
              WHERE tds_status = 'notFound' COLLATE NOCASE
              GROUP BY po_sys_id) AS c
        WHERE c.last_not_found = (SELECT MAX(m.event_id) FROM sync_events AS m WHERE m.po_sys_id = c.po_sys_id);
        """;
}
