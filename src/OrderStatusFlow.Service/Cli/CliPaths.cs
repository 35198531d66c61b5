namespace OrderStatusFlow.Service.Cli;

/// <summary>
/// Where the pipeline file, rules folder and activity log are: the command-line option, else the <c>OSF_*</c>
/// variable, else the contract default (relative to the working directory, which run.sh sets to the repo root).
/// </summary>
sealed record CliPaths(string Pipeline, string Rules, string? Db)
{
    public const string DefaultPipeline = "pipelines/order-status.json";
    public const string DefaultRules = "rules";
    public const string DefaultDb = "data/activity.db";

    public static CliPaths Resolve(string? pipeline, string? rules, string? db) => new(
        pipeline ?? Env("OSF_PIPELINE") ?? DefaultPipeline,
        rules ?? Env("OSF_RULES") ?? DefaultRules,
        db ?? Env("OSF_DB"));

    /// <summary>The activity log: <c>--db</c>, else <c>OSF_DB</c>, else the pipeline's <c>activityLog.path</c>, else the default.</summary>
    public string DbOr(string? fromPipeline) => Db ?? (string.IsNullOrWhiteSpace(fromPipeline) ? DefaultDb : fromPipeline);

    static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
