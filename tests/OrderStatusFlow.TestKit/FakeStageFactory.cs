using Newtonsoft.Json.Linq;
using OrderStatusFlow.Core.Pipeline;

namespace OrderStatusFlow.TestKit;

/// <summary>A stage factory that hands out a given seam; counts how often it built one.</summary>
public sealed class FakeStageFactory : StageFactory<FakeStageOptions>
{
    readonly Func<StageContext, object> _create;
    int _created;

    public FakeStageFactory(string type, StageRole role, Func<StageContext, object> create, string description = "a fake stage for tests")
    {
        Type = type;
        Role = role;
        Description = description;
        _create = create;
    }

    public override string Type { get; }

    public override StageRole Role { get; }

    public override string Description { get; }

    public int Created => Volatile.Read(ref _created);

    protected override void Validate(FakeStageOptions options, StageContext context, StageProblems problems)
    {
        if (options.Connection is not { } name)
            return;
        if (context.Connection(name) is not { } section)
        {
            problems.Arg("connection", $"names connections.{name}, which is missing; add it under \"connections\"");
            return;
        }
        if (section["url"] is not JValue { Type: JTokenType.String } url || ((string)url!).Length == 0)
            problems.At(section["url"] ?? section, $"connections.{name}.url", "must be set to the base URL");
    }

    protected override object Create(FakeStageOptions options, StageContext context)
    {
        Interlocked.Increment(ref _created);
        return _create(context);
    }
}
