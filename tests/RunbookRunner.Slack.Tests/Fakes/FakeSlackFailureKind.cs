namespace RunbookRunner.Slack.Tests.Fakes;

/// <summary>How the fake Slack server fails a request on demand.</summary>
public enum FakeSlackFailureKind
{
    /// <summary>An HTTP error status (5xx) with a non-JSON body.</summary>
    HttpStatus,

    /// <summary>HTTP 429 with <c>Retry-After</c> and <c>{"ok":false,"error":"ratelimited"}</c>.</summary>
    RateLimited,

    /// <summary>HTTP 200 with <c>{"ok":false,"error":...}</c>.</summary>
    SlackError,

    /// <summary>No answer until the client gives up (or a safety cap passes).</summary>
    Hang,

    /// <summary>HTTP 200 with a body that is not JSON.</summary>
    Garbage,
}
