using Newtonsoft.Json.Linq;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// Pipeline files written before the source's options moved into the source stage have a top-level <c>source</c>
/// section; each of its keys is reported with where it goes now.
/// </summary>
internal static class MovedSource
{
    const string Stage = "the args of the source stage (e.g. { \"type\": \"servicenow.open-orders\", \"args\": { ... } })";

    public static void Report(JObject root, PipelineProblems problems)
    {
        if (root.Property("source") is not { } property)
            return;
        if (property.Value is not JObject section || !section.HasValues)
        {
            problems.Add(property, "source", $"the top-level source section is no longer read; remove it and set the source's options in {Stage}");
            return;
        }
        foreach (var key in section.Properties())
            problems.Add(key, $"source.{key.Name}", $"the top-level source section is no longer read; move \"{key.Name}\" to {Stage} as args.{key.Name}");
    }
}
