namespace RunbookRunner.Core.Model;

/// <summary>What a person may report about a manual task (<c>outcomes: [done, failed]</c>).</summary>
public enum ManualOutcome
{
    /// <summary>The task was done: the step succeeds.</summary>
    Done,

    /// <summary>The task could not be done (a broken flow found by QA): the step fails and its on_failure applies.</summary>
    Failed,
}
