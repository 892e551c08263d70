namespace RunbookRunner.Server.Configuration;

/// <summary>Settings of <c>runbook serve</c> (section <c>Runbook</c>; environment variables <c>Runbook__Store</c> etc.).</summary>
public sealed class ServerOptions
{
    public const string Section = "Runbook";

    /// <summary><c>sqlite:./runbook-runner.db</c> (default) or <c>postgres:Host=...</c>.</summary>
    public string Store { get; set; } = "sqlite:./runbook-runner.db";

    /// <summary>Public base URL of the server, for links in narration (<c>https://runbooks.example.com</c>).</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Folder of runbooks that <c>POST /api/runs</c> finds by name (relative to the working directory).</summary>
    public string RunbooksPath { get; set; } = "runbooks/";

    /// <summary>This node's id: stable across restarts of the node, distinct per node of a cluster.</summary>
    public string NodeId { get; set; } = Environment.MachineName;

    /// <summary>Durable Quartz wakes (default) or in-process timers (single process, not durable).</summary>
    public WakeMode Wakes { get; set; } = WakeMode.Quartz;

    /// <summary>Narrate every event to standard output (on for <c>runbook serve</c>).</summary>
    public bool ConsoleNarration { get; set; }

    /// <summary>Largest request body accepted; an inline runbook is at most 1 MiB of text.</summary>
    public long MaxRequestBodyBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>How long start-up retries an unreachable store before giving up.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Interval of SSE heartbeats (comments that keep proxies from closing an idle stream).</summary>
    public TimeSpan EventStreamHeartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a live event stream also reads the journal, to see events committed by other nodes.</summary>
    public TimeSpan EventStreamPoll { get; set; } = TimeSpan.FromSeconds(2);
}
