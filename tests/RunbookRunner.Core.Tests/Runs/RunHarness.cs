using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Commands;
using RunbookRunner.Core.Runs.Deciding;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;

namespace RunbookRunner.Core.Tests.Runs;

/// <summary>Drives the pure decider the way the engine does, on a clock the test moves.</summary>
internal sealed class RunHarness
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public RunHarness(Runbook runbook, DateTimeOffset? now = null, string startedBy = "U-LEAD", string? environment = "production", bool rehearsal = false)
    {
        Now = now ?? T0 - TimeSpan.FromHours(8);
        var created = new RunCreated(runbook.Name, T0, environment, startedBy, rehearsal) { At = Now };
        State = RunState.Initial("run-1", runbook).Apply(created);
        Journal.Add(created);
    }

    public RunState State { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public List<RunEvent> Journal { get; } = [];

    public IReadOnlyList<RunCommand> Commands { get; private set; } = [];

    public IReadOnlyList<RunEvent> LastEvents { get; private set; } = [];

    public Decision Send(RunInput input)
    {
        var decision = RunDecider.Decide(State, input, Now);
        Commands = decision.Commands;
        LastEvents = decision.Events;
        if (!decision.IsRejected)
        {
            State = decision.State;
            Journal.AddRange(decision.Events);
        }

        return decision;
    }

    public Decision Start() => Send(new StartRun(new Actor("U-LEAD", "cli")));

    public Decision At(DateTimeOffset time)
    {
        Now = time;
        return Send(new Tick());
    }

    public Decision After(TimeSpan delta) => At(Now + delta);

    public Decision Succeed(string stepId, IReadOnlyDictionary<string, string>? outputs = null) =>
        Send(new ActionFinished(stepId, State.Step(stepId).Attempts, ActionResult.Success("ok", outputs)));

    public Decision Fail(string stepId, string error = "boom", bool retryable = true) =>
        Send(new ActionFinished(stepId, State.Step(stepId).Attempts, ActionResult.Failure(error, retryable)));

    public Decision FinishCompensation(bool succeeded = true)
    {
        var running = State.Rollback!.Items!.Single(c => c.Status == CompensationStatus.Running);
        var result = succeeded ? ActionResult.Success("undone") : ActionResult.Failure("undo broke");
        return Send(new CompensationFinished(running.Item.Index, running.Attempts, result));
    }

    public Decision Approve(string target, string user, string source = "slack") => Send(new Approve(target, new Actor(user, source)));

    public StepStatus StatusOf(string stepId) => State.Step(stepId).Status;

    public IEnumerable<string> Executed => Commands.OfType<ExecuteStep>().Select(c => c.StepId);

    public DateTimeOffset? Wake => Commands.OfType<ScheduleWake>().LastOrDefault()?.At;
}
