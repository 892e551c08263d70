using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Runs.Deciding;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;

namespace RunbookRunner.Integration.Tests.TestSupport;

/// <summary>Drives the pure decider over a runbook on a clock the test moves, keeping the journal (for report tests, no I/O).</summary>
internal sealed class DecisionHarness
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public DecisionHarness(string yaml, DateTimeOffset start)
    {
        var loaded = RunbookLoader.Load(yaml, "report.yaml");
        if (loaded.HasErrors || loaded.Runbook is null)
        {
            throw new InvalidOperationException("test runbook is invalid: " + string.Join("; ", loaded.Diagnostics.Select(d => d.ToString())));
        }

        Now = start;
        var created = new RunCreated(loaded.Runbook.Name, T0, "production", "U-LEAD", false) { At = Now };
        State = RunState.Initial("run-report-1", loaded.Runbook).Apply(created);
        Journal.Add(created);
    }

    public RunState State { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public List<RunEvent> Journal { get; } = [];

    public void Send(RunInput input)
    {
        var decision = RunDecider.Decide(State, input, Now);
        if (decision.IsRejected)
        {
            throw new InvalidOperationException($"{input.GetType().Name} was rejected: {decision.Error}");
        }

        State = decision.State;
        Journal.AddRange(decision.Events);
    }

    public DecisionHarness At(DateTimeOffset time)
    {
        Now = time;
        Send(new Tick());
        return this;
    }

    public DecisionHarness Succeed(string stepId)
    {
        Send(new ActionFinished(stepId, State.Step(stepId).Attempts, ActionResult.Success($"{stepId} ok")));
        return this;
    }

    public DecisionHarness Fail(string stepId, string error)
    {
        Send(new ActionFinished(stepId, State.Step(stepId).Attempts, ActionResult.Failure(error)));
        return this;
    }

    public DecisionHarness FinishCompensation()
    {
        var running = State.Rollback!.Items!.Single(c => c.Status == CompensationStatus.Running);
        Send(new CompensationFinished(running.Item.Index, running.Attempts, ActionResult.Success("undone")));
        return this;
    }
}
