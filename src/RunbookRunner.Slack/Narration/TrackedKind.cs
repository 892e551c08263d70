namespace RunbookRunner.Slack.Narration;

/// <summary>Messages in a run's thread that the narrator redraws in place as the run changes.</summary>
internal enum TrackedKind
{
    /// <summary>An approval request with Approve / Reject.</summary>
    Approval,

    /// <summary>A manual task with Done.</summary>
    ManualTask,

    /// <summary>A failure or interruption with Retry / Skip / Roll back / Abort.</summary>
    Decision,
}
