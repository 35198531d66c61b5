namespace OrderStatusFlow.Service.Cli;

/// <summary>Process exit codes (README, "Commands and exit codes").</summary>
static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The run could not start or the cycle could not run (configuration, validation, authentication, unreachable endpoint).</summary>
    public const int CouldNotRun = 1;

    /// <summary>Bad command-line usage.</summary>
    public const int Usage = 2;

    /// <summary>The cycle completed but some orders failed (each failure is in the activity log).</summary>
    public const int SomeOrdersFailed = 3;
}
