using System.Text;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.State;
using RunbookRunner.Slack.BlockKit;
using static RunbookRunner.Slack.Messages.SlackMarkup;

namespace RunbookRunner.Slack.Messages;

/// <summary>
/// The approval request of a step or guard: what is approved, the gate evidence, who may approve and how many are
/// still needed, with Approve / Reject while it is open; afterwards who decided and when. A pure function of the
/// run's state, so it is re-rendered in place whenever the approval changes, whoever decided and wherever.
/// </summary>
public static class ApprovalMessage
{
    public static SlackMessage Render(RunState state, string target)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(target);
        if (!state.Approvals.TryGetValue(target, out var approval))
        {
            throw new ArgumentException($"Run {state.RunId} has no approval request for '{target}'.", nameof(target));
        }

        var spec = SpecOf(state, target);
        var what = Describe(state, target);
        var builder = new SlackMessageBuilder($"Approval {(approval.IsOpen ? "needed" : "closed")}: {what.Plain} ({approval.ProgressText})");
        builder.Section($"{Headline(state, approval)} {what.Markdown}{Details(state, target)}");

        var fields = new List<string>
        {
            $"*Approvals*\n{Text(approval.ProgressText, 300)}{(approval.IsOpen ? $" · {approval.StillNeeded} more needed" : "")}",
            $"*Who may approve*\n{WhoMayApprove(approval, spec)}",
        };
        if (approval.TimeoutAt is { } timeout)
        {
            fields.Add($"*Deadline*\n{Clock(timeout, state)}, then {(spec?.OnTimeout ?? TimeoutPolicy.Pause).ToString().ToLowerInvariant()}");
        }

        if (spec is { ForbidSelf: true })
        {
            fields.Add($"*Rule*\n{Mention(state.StartedBy)} started the run and may not approve it");
        }

        builder.Fields([.. fields]);

        if (state.Runbook.FindStep(target) is { Gates.Count: > 0 })
        {
            builder.Section("*Evidence*\n" + Evidence(approval));
        }

        if (Decisions(state, approval, spec) is { Length: > 0 } decisions)
        {
            builder.Section(decisions);
        }

        if (approval.IsOpen && !approval.TimedOut && !state.IsTerminal && state.Rollback is null)
        {
            builder.Actions(
                "approval",
                WarRoomButtons.Approve(state.RunId, target, what.Plain),
                WarRoomButtons.Reject(state.RunId, target, what.Plain));
        }
        else if (approval.IsOpen)
        {
            builder.Context(state.IsTerminal
                ? $"No longer needed: the run is {StatusNames.Of(state.Status).Replace('_', ' ')}."
                : approval.TimedOut ? "No longer open: nobody approved in time." : "No longer open: the run is rolling back.");
        }

        builder.Context($"Run `{state.RunId}` · {Text(state.Runbook.Title ?? state.Runbook.Name, 100)} · requested {Clock(approval.RequestedAt, state)}");
        return builder.Build();
    }

    private static string Headline(RunState state, ApprovalState approval)
    {
        if (approval.Rejection is not null)
        {
            return "⛔ *Rejected:*";
        }

        if (!approval.IsOpen)
        {
            return "✅ *Approved:*";
        }

        return approval.TimedOut || state.IsTerminal ? "⌛ *Approval closed:*" : "✋ *Approval needed:*";
    }

    private static (string Plain, string Markdown) Describe(RunState state, string target)
    {
        if (ApprovalTargets.IsGuard(target))
        {
            var guardId = ApprovalTargets.GuardId(target);
            var guard = state.Runbook.Guards.FirstOrDefault(g => g.Id == guardId);
            var then = (guard?.Then ?? GuardResponse.Rollback).ToString().ToLowerInvariant();
            return ($"guard {guardId} wants to {then}", $"guard {Code(guardId)} tripped and wants to *{then}*");
        }

        var step = state.Runbook.FindStep(target);
        var title = step?.DisplayName is { } name && name != target ? $" ({Text(name, 150)})" : "";
        var runs = step is { Kind: StepKind.Action, Action: { } action } ? $" before it runs `{Text(action.Type, 60)}`" : "";
        return ($"step {target}", $"{Code(target)}{title}{runs}");
    }

    private static string Details(RunState state, string target) =>
        state.Runbook.FindStep(target)?.Description is { Length: > 0 } description ? "\n" + Text(description, 600) : "";

    private static string Evidence(ApprovalState approval)
    {
        if (approval.Gates is not { } gates)
        {
            return "_collecting gate evidence…_";
        }

        var text = new StringBuilder();
        foreach (var gate in gates)
        {
            text.Append(gate.Passed ? "✓ " : "✗ ").Append(Code(gate.Gate)).Append(": ").Append(Text(gate.Evidence, 300)).Append('\n');
        }

        if (!approval.GatesPassing)
        {
            text.Append("_A failing gate blocks approval; it is checked again until it passes._");
        }

        return text.ToString().TrimEnd();
    }

    private static string Decisions(RunState state, ApprovalState approval, ApprovalSpec? spec)
    {
        var lines = approval.Grants.Select(g => $"✅ {Mention(g.By)} approved at {Clock(g.At, state)}{Via(g.Source)}").ToList();
        if (approval.Rejection is { } r)
        {
            lines.Add($"⛔ {Mention(r.By)} rejected at {Clock(r.At, state)}{Via(r.Source)}{(string.IsNullOrWhiteSpace(r.Reason) ? "" : $": {Text(r.Reason, 500)}")}");
        }

        if (approval.Escalated && spec is not null)
        {
            var roles = spec.EscalateTo.Count > 0 ? spec.EscalateTo : spec.Roles;
            lines.Add($"📣 escalated to {Text(string.Join(", ", roles), 200)}: {Mentions(state.Runbook.UsersInRoles(roles).Take(20))}");
        }

        if (approval.TimedOut)
        {
            lines.Add($"⌛ timed out with {Text(approval.ProgressText, 300)}");
        }

        return string.Join('\n', lines);
    }

    /// <summary>With per-role counts, each role on its own line with its count, so approvers see whom the run waits for.</summary>
    private static string WhoMayApprove(ApprovalState approval, ApprovalSpec? spec)
    {
        if (approval.Quotas.Count == 0)
        {
            return $"{Text(string.Join(", ", spec?.Roles ?? []), 200)}\n{Mentions(approval.Eligible.Take(20))}";
        }

        return string.Join('\n', approval.ProgressByRole().Select(p =>
        {
            var members = approval.Quotas.First(q => q.Role == p.Role).Members;
            return $"{(p.Met ? "✓" : "•")} {Text(p.Role, 60)} {p.CountedBy.Count}/{p.Required}: {Mentions(members.Take(10))}";
        }));
    }

    private static string Via(string source) => source == "slack" ? "" : $" via {Text(source, 20)}";

    private static ApprovalSpec? SpecOf(RunState state, string target) =>
        ApprovalTargets.IsGuard(target)
            ? state.Runbook.Guards.FirstOrDefault(g => g.Id == ApprovalTargets.GuardId(target))?.Approval
            : state.Runbook.FindStep(target)?.Approval;
}
