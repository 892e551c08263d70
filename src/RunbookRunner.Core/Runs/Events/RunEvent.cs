using System.Text.Json.Serialization;

namespace RunbookRunner.Core.Runs.Events;

/// <summary>
/// A fact in a run's append-only journal. The run's state is a fold over these (see
/// <see cref="State.RunState.Apply"/>); <see cref="At"/> is the engine clock when it was decided.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RunCreated), nameof(RunCreated))]
[JsonDerivedType(typeof(RunStarted), nameof(RunStarted))]
[JsonDerivedType(typeof(StepWaiting), nameof(StepWaiting))]
[JsonDerivedType(typeof(StepSkipped), nameof(StepSkipped))]
[JsonDerivedType(typeof(ApprovalRequested), nameof(ApprovalRequested))]
[JsonDerivedType(typeof(GatesEvaluated), nameof(GatesEvaluated))]
[JsonDerivedType(typeof(ApprovalGranted), nameof(ApprovalGranted))]
[JsonDerivedType(typeof(ApprovalRejected), nameof(ApprovalRejected))]
[JsonDerivedType(typeof(ApprovalEscalated), nameof(ApprovalEscalated))]
[JsonDerivedType(typeof(ApprovalTimedOut), nameof(ApprovalTimedOut))]
[JsonDerivedType(typeof(ManualTaskRequested), nameof(ManualTaskRequested))]
[JsonDerivedType(typeof(ManualTaskDone), nameof(ManualTaskDone))]
[JsonDerivedType(typeof(StepStarted), nameof(StepStarted))]
[JsonDerivedType(typeof(StepSucceeded), nameof(StepSucceeded))]
[JsonDerivedType(typeof(StepFailed), nameof(StepFailed))]
[JsonDerivedType(typeof(StepInterrupted), nameof(StepInterrupted))]
[JsonDerivedType(typeof(StepMarkedDone), nameof(StepMarkedDone))]
[JsonDerivedType(typeof(StepRetried), nameof(StepRetried))]
[JsonDerivedType(typeof(RunPaused), nameof(RunPaused))]
[JsonDerivedType(typeof(RunResumed), nameof(RunResumed))]
[JsonDerivedType(typeof(GuardActivated), nameof(GuardActivated))]
[JsonDerivedType(typeof(GuardReading), nameof(GuardReading))]
[JsonDerivedType(typeof(GuardTripped), nameof(GuardTripped))]
[JsonDerivedType(typeof(GuardDismissed), nameof(GuardDismissed))]
[JsonDerivedType(typeof(GuardExpired), nameof(GuardExpired))]
[JsonDerivedType(typeof(RollbackStarted), nameof(RollbackStarted))]
[JsonDerivedType(typeof(CompensationPlanned), nameof(CompensationPlanned))]
[JsonDerivedType(typeof(CompensationStarted), nameof(CompensationStarted))]
[JsonDerivedType(typeof(CompensationSucceeded), nameof(CompensationSucceeded))]
[JsonDerivedType(typeof(CompensationFailed), nameof(CompensationFailed))]
[JsonDerivedType(typeof(CompensationSkipped), nameof(CompensationSkipped))]
[JsonDerivedType(typeof(RunSucceeded), nameof(RunSucceeded))]
[JsonDerivedType(typeof(RunFailed), nameof(RunFailed))]
[JsonDerivedType(typeof(RunAborted), nameof(RunAborted))]
[JsonDerivedType(typeof(RunRolledBack), nameof(RunRolledBack))]
public abstract record RunEvent
{
    public DateTimeOffset At { get; init; }

    /// <summary>The journal type name (the JSON discriminator).</summary>
    [JsonIgnore]
    public string TypeName => GetType().Name;
}
