using RunbookRunner.Core.Persistence;

namespace RunbookRunner.Storage.Tests.TestSupport;

/// <summary>Builders for runs, batches and audit entries with sensible defaults.</summary>
internal static class TestData
{
    public static NewRun Run(TimeProvider time, string runbook = "launch-day", string state = "running", string? id = null) => new()
    {
        Id = id ?? SortableId.New(time),
        RunbookName = runbook,
        Title = $"{runbook} run",
        SourcePath = $"runbooks/{runbook}.yaml",
        RunbookYaml = $"name: {runbook}\nsteps: []\n",
        Environment = "production",
        T0 = new DateTimeOffset(2026, 12, 1, 18, 0, 0, TimeSpan.Zero),
        IsRehearsal = false,
        StartedBy = "U01AAA",
        State = state,
        SummaryJson = """{"steps":[]}""",
    };

    public static NewJournalEvent Event(TimeProvider time, string type, string data = "{}") => new(type, data, time.GetUtcNow());

    public static AppendBatch Events(TimeProvider time, params string[] types) =>
        new() { Events = [.. types.Select(t => Event(time, t, $$"""{"type":"{{t}}"}"""))] };

    public static NewAuditEntry Audit(string action, string actor = "U01AAA", string? runId = null, AuditOutcome outcome = AuditOutcome.Allowed) => new()
    {
        Actor = actor,
        Source = AuditSource.Slack,
        Action = action,
        RunId = runId,
        StepId = "go-no-go",
        Outcome = outcome,
        Detail = "clicked Approve",
    };
}
