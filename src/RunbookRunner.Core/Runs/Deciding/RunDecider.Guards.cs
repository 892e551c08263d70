using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Commands;
using RunbookRunner.Core.Runs.Events;
using RunbookRunner.Core.Runs.Inputs;
using RunbookRunner.Core.Runs.State;

namespace RunbookRunner.Core.Runs.Deciding;

public static partial class RunDecider
{
    /// <summary>Activates guards whose step completed, expires them at <c>until</c>, and polls them on their cadence.</summary>
    private static void AdvanceGuards(DecisionBuilder b)
    {
        foreach (var guard in b.Runbook.Guards)
        {
            var g = b.State.Guards[guard.Id];
            if (g.Status == GuardStatus.Pending && b.State.Steps.TryGetValue(guard.From, out var from) && from.Status == StepStatus.Succeeded)
            {
                b.Emit(new GuardActivated(guard.Id, guard.Until?.ResolveAgainst(b.State.T0)));
                g = b.State.Guards[guard.Id];
            }

            if (g.Status != GuardStatus.Active)
            {
                continue;
            }

            if (g.Until <= b.Now)
            {
                b.Emit(new GuardExpired(guard.Id));
                continue;
            }

            if (!IsSettledInRehearsal(b.State, g) && PollSlot(guard, g, b.Now) is { } slot && (g.LastPollAt is null || g.LastPollAt < slot))
            {
                b.Command(new PollGuard(guard.Id, guard.Check, slot));
            }
        }
    }

    /// <summary>
    /// A rehearsal simulates each guard's reading as constant (healthy, or breached when named in
    /// <c>--fail</c>), and healthy readings after the first change nothing: once a rehearsal guard
    /// has read healthy, polling it again is a no-op, so it is not polled (nor woken for) until it expires.
    /// </summary>
    internal static bool IsSettledInRehearsal(RunState state, GuardState g) =>
        state.Rehearsal && g.Readings > 0 && g.BreachSince is null;

    /// <summary>
    /// Guards poll on a grid from their activation (every <c>every</c>); a tick close enough after a
    /// grid point polls it. Returns that grid point, or null between them.
    /// </summary>
    internal static DateTimeOffset? PollSlot(Guard guard, GuardState g, DateTimeOffset now)
    {
        var since = g.ActiveSince!.Value;
        var slot = since + (guard.Every * Math.Floor((now - since) / guard.Every));
        var tolerance = guard.Every / 2;
        return now - slot < tolerance ? slot : null;
    }

    /// <summary>The first grid point after <paramref name="now"/>.</summary>
    internal static DateTimeOffset NextPollSlot(Guard guard, GuardState g, DateTimeOffset now)
    {
        var since = g.ActiveSince!.Value;
        return since + (guard.Every * (Math.Floor((now - since) / guard.Every) + 1));
    }

    private static DecisionError? OnGuardPolled(DecisionBuilder b, GuardPolled p)
    {
        var guard = b.Runbook.Guards.FirstOrDefault(g => g.Id == p.GuardId);
        if (guard is null || b.State.Guards[guard.Id].Status != GuardStatus.Active || b.State.Rollback is not null)
        {
            return null;
        }

        // Steady healthy readings are not journaled (a guard polls thousands of times over a long
        // watch); the first reading, every breached one and the recovery after a breach are.
        var g = b.State.Guards[guard.Id];
        if (!p.Breached && g.BreachSince is null && g.Readings > 0)
        {
            return null;
        }

        b.Emit(new GuardReading(guard.Id, p.Value, p.Breached, p.Detail));
        g = b.State.Guards[guard.Id];
        if (g.BreachSince is { } since && b.Now - since >= guard.Check.For)
        {
            if (guard.Approval is { } approval)
            {
                RequestApproval(b, ApprovalTargets.ForGuard(guard.Id), approval);
            }
            else
            {
                TripGuard(b, guard, p.Detail);
            }
        }

        return null;
    }

    private static void TripGuard(DecisionBuilder b, Guard guard, string detail)
    {
        b.Emit(new GuardTripped(guard.Id, guard.Then, detail));
        var reason = $"guard {guard.Id} tripped: {detail}";
        switch (guard.Then)
        {
            case GuardResponse.Rollback when b.State.Rollback is null:
                if (b.State.Status == RunStatus.Paused)
                {
                    b.Emit(new RunResumed(Actor.System.Id, Actor.System.Source));
                }

                b.Emit(new RollbackStarted(reason));
                break;
            case GuardResponse.Pause when b.State.Status == RunStatus.Running:
                b.Emit(new RunPaused(reason));
                break;
        }
    }
}
