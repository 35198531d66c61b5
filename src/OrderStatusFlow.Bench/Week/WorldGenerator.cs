namespace OrderStatusFlow.Bench.Week;

/// <summary>
/// Draws the POs of a steady-state instance: arrivals at a constant rate chosen so that about
/// <c>openOrders</c> are open at any time (Little's law over the mean life of a drawn PO), starting long enough
/// before the week that the open set is already in its steady mix on day 0.
/// </summary>
internal static class WorldGenerator
{
    public static List<OrderScript> Generate(int openOrders, int days, int seed)
    {
        var random = new Random(seed);
        var sample = Enumerable.Range(0, 4000).Select(i => OrderScript.Draw(i, WeekRun.Start, random)).ToList();
        var meanLifeDays = sample.Average(s => (s.EndsAt - s.AcceptedAt).TotalDays);
        var longest = sample.Max(s => (s.EndsAt - s.AcceptedAt).TotalDays);
        var perDay = openOrders / meanLifeDays;
        var scripts = new List<OrderScript>();
        var at = WeekRun.Start - TimeSpan.FromDays(Math.Ceiling(longest) + 1);
        var end = WeekRun.Start + TimeSpan.FromDays(days);
        var index = 0;
        while (at < end)
        {
            at += TimeSpan.FromDays(-Math.Log(1 - random.NextDouble()) / perDay);
            var script = OrderScript.Draw(++index, at, random);
            if (script.EndsAt > WeekRun.Start)
                scripts.Add(script); // POs that ended before the week never show up in ServiceNow as open
        }
        return scripts;
    }
}
