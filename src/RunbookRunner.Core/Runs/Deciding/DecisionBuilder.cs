using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Commands;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.State;

namespace RunbookRunner.Core.Runs.Deciding;

/// <summary>Accumulates the events of one decision, folding each into the state as it goes, and the commands they imply.</summary>
internal sealed class DecisionBuilder(RunState state, DateTimeOffset now)
{
    private readonly List<RunEvent> _events = [];
    private readonly List<RunCommand> _commands = [];

    public RunState State { get; private set; } = state;

    public DateTimeOffset Now { get; } = now;

    public Runbook Runbook => State.Runbook;

    /// <summary>Due times already acted on in this decision (a poll or gate check sent), so the wake does not spin on them.</summary>
    public List<DateTimeOffset> Deferred { get; } = [];

    public void Emit(RunEvent e)
    {
        var stamped = e with { At = Now };
        if (stamped is RunAborted or RunFailed or RollbackStarted)
        {
            var running = State.RunningSteps.Where(s => Runbook.FindStep(s.Id)?.Kind == StepKind.Action).Select(s => s.Id).ToList();
            if (running.Count > 0)
            {
                _commands.Add(new CancelSteps(running));
            }
        }

        State = State.Apply(stamped);
        _events.Add(stamped);
        AddImpliedCommand(stamped);
    }

    /// <summary>Adds a command once: the advance loop may reach the same conclusion on several passes.</summary>
    public void Command(RunCommand command)
    {
        if (!_commands.Contains(command))
        {
            _commands.Add(command);
        }
    }

    public Decision Build(DateTimeOffset? wake)
    {
        if (_events.Count > 0 || _commands.Count > 0 || wake is not null)
        {
            _commands.Add(new ScheduleWake(wake));
        }

        return new Decision(_events, _commands, State, null);
    }

    private void AddImpliedCommand(RunEvent e)
    {
        switch (e)
        {
            case StepStarted s when Runbook.FindStep(s.StepId) is { Kind: StepKind.Action, Action: { } call } step:
                _commands.Add(new ExecuteStep(s.StepId, s.Attempt, call, Runbook.TimeoutOf(step)));
                break;
            case ApprovalRequested r when Runbook.FindStep(r.Target) is { Gates.Count: > 0 } step:
                _commands.Add(new EvaluateGates(step.Id, step.Gates));
                break;
            case CompensationStarted c:
                _commands.Add(RunDecider.CompensationCommand(State, c));
                break;
        }
    }
}
