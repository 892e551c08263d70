namespace RunbookRunner.Contracts;

/// <summary>HTTP headers of the API beyond the standard ones.</summary>
public static class ApiHeaders
{
    /// <summary>A client-chosen key that makes a POST apply once however often it is retried.</summary>
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>Where a request comes from, for the audit trail: <c>api</c> (default), <c>cli</c> or <c>web</c>.</summary>
    public const string Source = "X-Runbook-Source";

    /// <summary>Standard SSE header a reconnecting client sends with the last sequence it saw.</summary>
    public const string LastEventId = "Last-Event-ID";

    /// <summary>The media type of a live event stream.</summary>
    public const string EventStream = "text/event-stream";
}
