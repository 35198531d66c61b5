using Newtonsoft.Json.Linq;
using OrderStatusFlow.Core.Binding;

namespace OrderStatusFlow.Core.Pipeline;

/// <summary>
/// A stage factory whose <c>args</c> bind to <typeparamref name="TOptions"/> (a plain class with documented defaults)
/// through <see cref="OptionsBinder"/>: strict types, unknown keys, ranges and cross-field checks, each reported at the
/// offending value.
/// </summary>
public abstract class StageFactory<TOptions> : IStageFactory where TOptions : class, new()
{
    public abstract string Type { get; }

    public abstract StageRole Role { get; }

    public abstract string Description { get; }

    public void Validate(JObject args, StageContext context, StageProblems problems)
    {
        // The stage's own checks (its connection, say) run even when an arg is wrong: every problem at once.
        var options = OptionsBinder.Bind<TOptions>(args, "args", (token, path, message) => problems.Add(token ?? args, $"{path} {message}"));
        Validate(options, context, problems);
    }

    public object Create(JObject args, StageContext context) => Create(Bind(args), context);

    /// <summary>Binds <paramref name="args"/> to the options (call only on validated args).</summary>
    public static TOptions Bind(JObject args) => OptionsBinder.Bind<TOptions>(args, "args", (_, _, _) => { });

    /// <summary>Checks that need more than the args, e.g. the connection section the stage uses.</summary>
    protected virtual void Validate(TOptions options, StageContext context, StageProblems problems)
    {
    }

    protected abstract object Create(TOptions options, StageContext context);
}
