using OrderStatusFlow.Core.Domain;
using OrderStatusFlow.ServiceNow.Http;

namespace OrderStatusFlow.ServiceNow.Writing;

/// <summary>Sends one Batch API request for some items and settles each item from its answer.</summary>
sealed class BatchSender(ServiceNowClient client)
{
    readonly ServiceNowOptions _options = client.Options;

    /// <summary>Returns how long to wait before the next round (null: no wait needed).</summary>
    /// <exception cref="SyncException">Non-transient failure of the whole request (credentials, HTML page).</exception>
    public async Task<TimeSpan?> SendAsync(IReadOnlyList<WriteItem> items, int round, CancellationToken cancellationToken)
    {
        var ids = items.Select((item, n) => ((n + 1).ToString(), item)).ToList();
        var json = BatchExchange.BuildRequest($"osf-{Guid.NewGuid():N}", ids);
        var result = await client.PostBatchAsync(json, cancellationToken);

        if (result.TransportError is not null || result.Status >= 500)
        {
            var error = result.TransportError ?? $"the batch request answered {result.Status} ({ResponseReader.ErrorText(result.Body)})";
            foreach (var item in items)
                Ambiguous(item, error);
            return Backoff(round);
        }
        if (result.Status == 429)
        {
            foreach (var item in items)
                Deferred(item, "rate limited (429) on every attempt");
            return RetryPipelines.RetryAfter(result.Header("Retry-After"), _options.RetryMaxDelay) ?? Backoff(round);
        }
        if (!result.IsSuccess)
        {
            var error = ResponseReader.ErrorText(result.Body);
            var (kind, fix) = result.Status switch
            {
                400 => (FailureKind.Configuration, "the Batch API must be /api/now/v1/batch on the instance: check OSF_SERVICENOW_URL has no extra path"),
                403 => (FailureKind.Permission, "give the integration user access to the REST Batch API (/api/now/v1/batch)"),
                _ => (FailureKind.Data, "unexpected answer from the Batch API"),
            };
            throw new SyncException(kind, $"ServiceNow POST /api/now/v1/batch answered {result.Status} ({error}): {fix}");
        }

        var (serviced, unserviced) = BatchExchange.ReadResponse(result.Body);
        TimeSpan? wait = null;
        foreach (var (id, item) in ids)
        {
            if (serviced.TryGetValue(id, out var answer))
                wait = Later(wait, Settle(item, answer, round));
            else if (!unserviced.Contains(id))
                Ambiguous(item, "the batch response listed it neither as serviced nor as unserviced");
            // unserviced: not run by the instance, sent again in the next request without counting an attempt
        }
        if (serviced.Count == 0)
        {
            foreach (var item in items.Where(i => !i.Done))
                Deferred(item, "the instance serviced no item of the batch request (batch time or size limit)");
            wait = Later(wait, Backoff(round));
        }
        return wait;
    }

    TimeSpan? Settle(WriteItem item, ServicedItem answer, int round)
    {
        var fields = string.Join(",", item.Remaining.Keys);
        switch (answer.Status)
        {
            case >= 200 and < 300:
                Confirm(item, answer.Body);
                return null;
            case 403:
                item.Fail(FailureKind.Permission,
                    $"{item.Label}: ServiceNow refused to write {fields} (403 {ResponseReader.ErrorText(answer.Body)}): grant the integration user " +
                    $"write access to {item.Table} and the fields {fields} (write ACLs; role procurement_admin or a custom ACL)");
                return null;
            case 404:
                item.Fail(FailureKind.NotFound, $"{item.Label}: the record no longer exists (or an ACL hides it) (404 {ResponseReader.ErrorText(answer.Body)})");
                return null;
            case 401:
                item.Fail(FailureKind.Configuration, $"{item.Label}: ServiceNow answered 401 inside the batch: check the integration user's credentials and roles");
                return null;
            case 429 or 503:
                Deferred(item, $"{answer.Status} {ResponseReader.ErrorText(answer.Body)}");
                return RetryPipelines.RetryAfter(answer.Headers.GetValueOrDefault("Retry-After"), _options.RetryMaxDelay) ?? Backoff(round);
            case >= 500:
                Ambiguous(item, $"{answer.Status} {ResponseReader.ErrorText(answer.Body)}");
                return Backoff(round);
            default:
                item.Fail(FailureKind.Data, $"{item.Label}: ServiceNow rejected the write of {fields} ({answer.Status} {ResponseReader.ErrorText(answer.Body)})");
                return null;
        }
    }

    static void Confirm(WriteItem item, string body)
    {
        if (body.Trim().Length == 0)
        {
            item.NeedsReadBack = true; // no body to compare: read it back
            return;
        }
        IReadOnlyDictionary<string, string> record;
        try
        {
            record = ResponseReader.Records(body, "a batch item").FirstOrDefault() ?? new Dictionary<string, string>();
        }
        catch (SyncException)
        {
            item.NeedsReadBack = true;
            return;
        }
        var ignored = item.Remaining
            .Where(f => !record.TryGetValue(f.Key, out var now) || !WriteItem.Same(now, f.Value))
            .Select(f => record.TryGetValue(f.Key, out var now)
                ? $"{f.Key} (sent '{Short(f.Value)}', still '{Short(now)}')"
                : $"{f.Key} (sent '{Short(f.Value)}', not returned: the field does not exist or is not readable)")
            .ToList();
        if (ignored.Count == 0)
        {
            item.Succeed();
            return;
        }
        item.Fail(FailureKind.Ignored,
            $"{item.Label}: ServiceNow accepted the write but silently ignored {string.Join(", ", ignored)}: the field is read-only for " +
            $"the integration user (dictionary read-only or a field write ACL on {item.Table}); grant write access or stop writing it in the rules");
    }

    static void Ambiguous(WriteItem item, string error)
    {
        item.Attempts++;
        item.NeedsReadBack = true;
        item.LastError = error;
    }

    static void Deferred(WriteItem item, string error)
    {
        item.Attempts++;
        item.LastError = error;
    }

    TimeSpan Backoff(int round)
    {
        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(round, 16));
        var jittered = exponential * (0.5 + Random.Shared.NextDouble());
        return TimeSpan.FromMilliseconds(Math.Min(jittered, _options.RetryMaxDelay.TotalMilliseconds));
    }

    static TimeSpan? Later(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
