namespace RunbookRunner.Slack.Interactions;

/// <summary>The <c>action_id</c>s of the war room's buttons and the <c>callback_id</c> of its modal.</summary>
public static class WarRoomActionIds
{
    public const string Approve = "rr_approve";
    public const string Reject = "rr_reject";
    public const string Retry = "rr_retry";
    public const string Skip = "rr_skip";
    public const string Rollback = "rr_rollback";
    public const string Abort = "rr_abort";

    /// <summary>Ticks off a manual task.</summary>
    public const string Done = "rr_done";

    /// <summary>Marks a manual task failed (outcomes [done, failed]): the step fails and its on_failure applies.</summary>
    public const string Failed = "rr_failed";

    /// <summary>Marks an interrupted (or failed) step done without running it again.</summary>
    public const string MarkDone = "rr_mark_done";

    /// <summary>The reject-reason modal.</summary>
    public const string RejectReasonCallback = "rr_reject_reason";

    /// <summary>Block and action id of the reason input in the reject modal.</summary>
    public const string ReasonInput = "reason";
}
