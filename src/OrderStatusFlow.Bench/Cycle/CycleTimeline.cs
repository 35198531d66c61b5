namespace OrderStatusFlow.Bench.Cycle;

/// <summary>
/// Where one cycle's time went, in seconds from the cycle's start: its first requests to each system, its last
/// answers, and how full the TD SYNNEX slots were between the first TD SYNNEX request and the last answer.
/// </summary>
sealed record CycleTimeline
{
    /// <summary>The whole cycle as the bench timed it (the call into the service).</summary>
    public required double Seconds { get; init; }

    public double? FirstServiceNowRequest { get; init; }

    public double? FirstTdSynnexRequest { get; init; }

    public double? LastTdSynnexAnswer { get; init; }

    public double? LastServiceNowAnswer { get; init; }

    /// <summary>Time-weighted TD SYNNEX requests in flight between the first request and the last answer.</summary>
    public double TdSynnexInFlightAverage { get; init; }

    /// <summary>Share of that window in which as many requests as the server serves at once were in flight.</summary>
    public double TdSynnexAllSlotsBusyShare { get; init; }

    /// <summary>After the last TD SYNNEX answer until the cycle returned (final writes, activity log, run row).</summary>
    public double? Tail => LastTdSynnexAnswer is { } last ? Seconds - last : null;

    public string ToText() =>
        $"first ServiceNow request {Fmt(FirstServiceNowRequest)} s, first TD SYNNEX request {Fmt(FirstTdSynnexRequest)} s, " +
        $"last TD SYNNEX answer {Fmt(LastTdSynnexAnswer)} s, last ServiceNow answer {Fmt(LastServiceNowAnswer)} s, end {Seconds:0.00} s " +
        $"(tail {Fmt(Tail)} s); TD SYNNEX in flight {TdSynnexInFlightAverage:0.00} on average, all slots busy {TdSynnexAllSlotsBusyShare:P0} of that window";

    static string Fmt(double? seconds) => seconds is { } s ? s.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "-";
}
