using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderStatusFlow.Service.Operator;

/// <summary>
/// <c>/healthz/live</c>: 200 while the process answers. <c>/healthz/ready</c>: 200 when the activity log takes a write
/// lock and the scheduler is on time; otherwise 503 with a JSON reason. ServiceNow and TD SYNNEX being down does not
/// make the process unready (a restart would not bring them back); their state is on the page and in the metrics.
/// </summary>
static class HealthRoutes
{
    public static void Map(IEndpointRouteBuilder app, ConsoleContext console)
    {
        app.MapGet("/healthz/live", () => Results.Json(new { status = "live" }));
        app.MapGet("/healthz/ready", (Func<HttpContext, Task<IResult>>)(async http =>
        {
            var problems = new List<string>();
            if (await console.Actions.CheckWritableAsync(TimeSpan.FromSeconds(3), http.RequestAborted) is { } log)
                problems.Add(log);
            if (Late(console) is { } late)
                problems.Add(late);
            return problems.Count == 0
                ? Results.Json(new { status = "ready" })
                : Results.Json(new { status = "not ready", reasons = problems }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }));
    }

    /// <summary>Why the scheduler is not on time, or null. Paused or disabled is on time (nothing is due).</summary>
    public static string? Late(ConsoleContext console)
    {
        var service = console.Service;
        var definition = service.Definition;
        if (definition is null)
            return "the pipeline has not been loaded yet";
        if (!definition.Enabled || service.State.Paused)
            return null;
        var now = console.Time.GetUtcNow();
        var grace = TimeSpan.FromTicks(Math.Max(definition.Interval.Ticks, TimeSpan.FromMinutes(1).Ticks));
        if (service.State.CycleStartedAt is { } started)
        {
            var limit = TimeSpan.FromTicks(Math.Max(definition.Interval.Ticks * 3, TimeSpan.FromMinutes(30).Ticks));
            return now - started > limit ? $"the cycle that started at {StatusStrip.Time(started)} has run longer than {limit}" : null;
        }
        if (service.State.NextDueAt is { } due && now - due > grace)
            return $"the cycle due at {StatusStrip.Time(due)} has not started";
        return null;
    }
}
