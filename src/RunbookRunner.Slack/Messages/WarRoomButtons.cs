using RunbookRunner.Slack.BlockKit;
using RunbookRunner.Slack.Interactions;

namespace RunbookRunner.Slack.Messages;

/// <summary>
/// The war room's buttons. Approve, Reject, Roll back, Abort and Failed ask for confirmation first, so a stray tap on a
/// phone cannot approve, launch or roll back by accident.
/// </summary>
public static class WarRoomButtons
{
    public static ButtonElement Approve(string runId, string target, string what) =>
        ButtonElement.Primary("Approve", WarRoomActionIds.Approve, new WarRoomActionValue(runId, target).Format())
            .WithConfirm(new ConfirmationDialog("Approve?", $"You approve {what}. Your decision is recorded in the audit log.", "Approve", "Cancel", ButtonStyle.Primary));

    public static ButtonElement Reject(string runId, string target, string what) =>
        ButtonElement.Danger("Reject", WarRoomActionIds.Reject, new WarRoomActionValue(runId, target).Format())
            .WithConfirm(new ConfirmationDialog("Reject?", $"You reject {what} and will be asked for a reason. The step then fails and the run follows its on_failure policy.", "Reject", "Cancel", ButtonStyle.Danger));

    public static ButtonElement Retry(string runId, string stepId) =>
        ButtonElement.Primary("Retry", WarRoomActionIds.Retry, new WarRoomActionValue(runId, stepId).Format());

    public static ButtonElement Skip(string runId, string stepId) =>
        new("Skip", WarRoomActionIds.Skip, new WarRoomActionValue(runId, stepId).Format());

    public static ButtonElement MarkDone(string runId, string stepId) =>
        new("Mark done", WarRoomActionIds.MarkDone, new WarRoomActionValue(runId, stepId).Format());

    public static ButtonElement Rollback(string runId, string stepId) =>
        ButtonElement.Danger("Roll back", WarRoomActionIds.Rollback, new WarRoomActionValue(runId, stepId).Format())
            .WithConfirm(new ConfirmationDialog("Roll back the run?", "Every completed step is undone in reverse order, then the rollback steps run. This cannot be cancelled.", "Roll back", "Cancel", ButtonStyle.Danger));

    public static ButtonElement Abort(string runId, string stepId) =>
        ButtonElement.Danger("Abort", WarRoomActionIds.Abort, new WarRoomActionValue(runId, stepId).Format())
            .WithConfirm(new ConfirmationDialog("Abort the run?", "The run stops now without undoing anything. This cannot be undone.", "Abort", "Cancel", ButtonStyle.Danger));

    public static ButtonElement Done(string runId, string stepId) =>
        ButtonElement.Primary("Done", WarRoomActionIds.Done, new WarRoomActionValue(runId, stepId).Format());

    public static ButtonElement Failed(string runId, string stepId) =>
        ButtonElement.Danger("Failed", WarRoomActionIds.Failed, new WarRoomActionValue(runId, stepId).Format())
            .WithConfirm(new ConfirmationDialog("Mark the task failed?", "The step fails and the run follows its on_failure policy (pause, roll back, abort or continue).", "Mark failed", "Cancel", ButtonStyle.Danger));
}
