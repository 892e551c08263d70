using RunbookRunner.Core.Model;
using RunbookRunner.Core.Validation;

namespace RunbookRunner.Core.Loading;

/// <summary>Steps, approvals, manual tasks, gates and undo.</summary>
internal sealed partial class RunbookBinder
{
    private static readonly Dictionary<string, TimeoutPolicy> TimeoutPolicies = new(StringComparer.Ordinal)
    {
        ["pause"] = TimeoutPolicy.Pause,
        ["abort"] = TimeoutPolicy.Abort,
        ["rollback"] = TimeoutPolicy.Rollback,
    };

    private static readonly Dictionary<string, ManualOutcome> ManualOutcomes = new(StringComparer.Ordinal)
    {
        ["done"] = ManualOutcome.Done,
        ["failed"] = ManualOutcome.Failed,
    };

    private static readonly string[] KindKeys = ["action", "approval", "manual", "wait"];

    private List<StepSyntax> BindSteps(ListValue? list, bool rollback)
    {
        var result = new List<StepSyntax>();
        var section = rollback ? "rollback" : "steps";
        for (var i = 0; i < (list?.Items.Count ?? 0); i++)
        {
            var item = list!.Items[i];
            if (item is MapValue node)
            {
                result.Add(new StepSyntax(BindStep(node, i, rollback), node, rollback));
            }
            else
            {
                bag.Error(DiagnosticCodes.WrongType, item.Location, $"each item of '{section}' must be a step (a map with id and action, approval, manual or wait), not {Describe(item)}");
            }
        }

        return result;
    }

    private Step BindStep(MapValue node, int index, bool rollback)
    {
        var idValue = Scalar(node, "id", rollback ? $"rollback step {index + 1}" : $"step {index + 1}", required: true);
        CheckSlug(idValue, "step id");
        var id = idValue?.Text ?? $"#{index + 1}";
        var where = rollback ? $"rollback step '{Shorten(id)}'" : $"step '{Shorten(id)}'";
        CheckKeys(node, LanguageKeys.Step, where);
        if (rollback)
        {
            foreach (var key in LanguageKeys.RollbackForbidden.Where(node.ContainsKey))
            {
                bag.Error(DiagnosticCodes.KeyNotAllowedHere, node.Entries.First(e => e.Key == key).KeyLocation,
                    $"'{key}' is not allowed in {where}: rollback steps run one after another when the run rolls back");
            }
        }

        var action = BindAction(node, where);
        var approval = BindApproval(Get(node, "approval"), where);
        var manual = BindManual(Get(node, "manual"), where);
        // wait: 0s is an empty step: a milestone or a join point that completes as soon as it starts.
        var wait = Duration(node, "wait", where);
        var gates = BindGates(node, where);
        var undo = BindUndo(node, where);
        var kind = BindKind(node, where, action is not null, approval is not null, manual is not null, wait is not null);

        if (rollback)
        {
            CheckRollbackKind(node, where, kind);
        }

        if (node.ContainsKey("gates") && !node.ContainsKey("approval"))
        {
            bag.Error(DiagnosticCodes.KeyNotAllowedHere, KeyLocation(node, "gates"),
                $"'gates' of {where} need an 'approval': gates are the evidence shown to approvers (use an http.check step for a plain check)");
        }

        if (node.ContainsKey("undo") && kind != StepKind.Action)
        {
            bag.Error(DiagnosticCodes.KeyNotAllowedHere, KeyLocation(node, "undo"), $"'undo' of {where} needs an 'action' to undo");
        }

        if (node.ContainsKey("undo") && rollback)
        {
            bag.Error(DiagnosticCodes.KeyNotAllowedHere, KeyLocation(node, "undo"), $"'undo' is not allowed in {where}: rollback steps are not undone");
        }

        var every = Duration(node, "every", where, positive: true);
        var until = Anchor(node, "until", where);
        if (node.ContainsKey("every") && !node.ContainsKey("until"))
        {
            bag.Error(DiagnosticCodes.EveryWithoutUntil, KeyLocation(node, "every"), $"'every' of {where} needs 'until' (e.g. until: T+3d) so the recurrence ends");
        }
        else if (node.ContainsKey("until") && !node.ContainsKey("every"))
        {
            bag.Error(DiagnosticCodes.EveryWithoutUntil, KeyLocation(node, "until"), $"'until' of {where} needs 'every' (e.g. every: 1h)");
        }

        return new Step
        {
            Id = id,
            Title = String(node, "title", where),
            Description = String(node, "description", where),
            Kind = kind,
            At = Anchor(node, "at", where),
            After = ScalarList(node, "after", where)?.Select(s => s.Text).ToList(),
            Action = action,
            Approval = approval,
            Manual = manual,
            Wait = wait,
            Gates = gates,
            Timeout = Duration(node, "timeout", where, positive: true),
            Retry = BindRetry(node, where),
            OnFailure = Enum(node, "on_failure", where, FailurePolicies),
            Idempotent = Bool(node, "idempotent", where),
            Undo = undo,
            Every = every,
            Until = until,
            Only = ScalarList(node, "only", where)?.Select(s => s.Text).ToList() ?? [],
            Location = node.Location,
        };
    }

    /// <summary>
    /// Rollback steps run unattended, one after another, once the launch has already gone wrong: only
    /// actions can be compensations. A person's task there is announced with a <c>slack.post</c> action.
    /// </summary>
    private void CheckRollbackKind(MapValue node, string where, StepKind kind)
    {
        foreach (var key in (string[])["manual", "wait"])
        {
            if (node.ContainsKey(key))
            {
                bag.Error(DiagnosticCodes.RollbackStepNotAction, KeyLocation(node, key),
                    $"{where} is a '{key}' step; rollback steps must be actions (they run unattended, one after another): "
                    + "announce a task for people with a slack.post action, or put it before the launch as a manual step");
                return;
            }
        }

        if (node.ContainsKey("approval"))
        {
            bag.Error(DiagnosticCodes.RollbackStepNotAction, KeyLocation(node, "approval"),
                kind == StepKind.Action
                    ? $"'approval' is not allowed in {where}: a rollback cannot wait for approvers (put the approval on the guard or step that starts the rollback)"
                    : $"{where} is an approval; rollback steps must be actions (put the approval on the guard or step that starts the rollback)");
        }
    }

    private static SourceLocation KeyLocation(MapValue node, string key) =>
        node.Entries.FirstOrDefault(e => e.Key == key)?.KeyLocation ?? node.Location;

    private StepKind BindKind(MapValue node, string where, bool hasAction, bool hasApproval, bool hasManual, bool hasWait)
    {
        string[] present = [.. KindKeys.Where(node.ContainsKey)];
        var exclusive = present.Where(k => k != "approval").ToList();
        if (present.Length == 0)
        {
            bag.Error(DiagnosticCodes.StepKind, node.Location, $"{where} does nothing: give it one of action, approval, manual or wait");
        }
        else if (exclusive.Count > 1 || (exclusive.Count == 1 && exclusive[0] != "action" && present.Contains("approval")))
        {
            bag.Error(DiagnosticCodes.StepKind, KeyLocation(node, present[1]),
                $"{where} has {string.Join(" and ", present)}; a step is one of action, approval, manual or wait (only an action step may also carry an approval)");
        }

        return hasAction ? StepKind.Action
            : hasManual ? StepKind.Manual
            : hasWait ? StepKind.Wait
            : hasApproval ? StepKind.Approval
            : node.ContainsKey("manual") ? StepKind.Manual
            : node.ContainsKey("wait") ? StepKind.Wait
            : node.ContainsKey("approval") ? StepKind.Approval
            : StepKind.Action;
    }

    private ActionCall? BindAction(MapValue node, string where)
    {
        var type = Scalar(node, "action", where);
        var with = Get(node, "with");
        if (with is not null and not MapValue)
        {
            bag.Error(DiagnosticCodes.WrongType, with.Location, $"'with' of {where} must be a map of parameters, not {Describe(with)}");
        }

        if (type is null)
        {
            if (node.ContainsKey("with"))
            {
                bag.Error(DiagnosticCodes.KeyNotAllowedHere, KeyLocation(node, "with"), $"'with' of {where} gives parameters, but the step has no 'action'");
            }

            return null;
        }

        return new ActionCall(type.Text, with as MapValue ?? new MapValue([], type.Location), type.Location);
    }

    private ActionCall? BindUndo(MapValue node, string where)
    {
        var value = Get(node, "undo");
        if (value is null)
        {
            return null;
        }

        var inner = $"'undo' of {where}";
        if (value is not MapValue map)
        {
            bag.Error(DiagnosticCodes.WrongType, value.Location, $"{inner} must be a map with 'action' and 'with', not {Describe(value)}");
            return null;
        }

        CheckKeys(map, LanguageKeys.ActionCall, inner);
        var type = Scalar(map, "action", inner, required: true);
        var with = Get(map, "with");
        if (with is not null and not MapValue)
        {
            bag.Error(DiagnosticCodes.WrongType, with.Location, $"'with' of {inner} must be a map of parameters, not {Describe(with)}");
        }

        return type is null ? null : new ActionCall(type.Text, with as MapValue ?? new MapValue([], type.Location), type.Location);
    }

    private List<ActionCall> BindGates(MapValue node, string where)
    {
        var result = new List<ActionCall>();
        foreach (var item in List(node, "gates", where)?.Items ?? [])
        {
            var inner = $"a gate of {where}";
            if (item is MapValue { Entries.Count: 1 } single && single.Entries[0].Key != "action")
            {
                var entry = single.Entries[0];
                if (entry.Value is MapValue or ScalarValue { IsNull: true })
                {
                    result.Add(new ActionCall(entry.Key, entry.Value as MapValue ?? new MapValue([], entry.KeyLocation), entry.KeyLocation));
                    continue;
                }

                bag.Error(DiagnosticCodes.WrongType, entry.Value.Location, $"the parameters of {inner} must be a map, not {Describe(entry.Value)}");
                continue;
            }

            if (item is MapValue map && map.ContainsKey("action"))
            {
                CheckKeys(map, LanguageKeys.ActionCall, inner);
                var type = Scalar(map, "action", inner);
                var with = Get(map, "with");
                if (with is not null and not MapValue)
                {
                    bag.Error(DiagnosticCodes.WrongType, with.Location, $"'with' of {inner} must be a map of parameters, not {Describe(with)}");
                }

                if (type is not null)
                {
                    result.Add(new ActionCall(type.Text, with as MapValue ?? new MapValue([], type.Location), type.Location));
                }

                continue;
            }

            bag.Error(DiagnosticCodes.WrongType, item.Location,
                $"each gate of {where} is one check written as 'action.type: {{ parameters }}' (e.g. github.commit_status: {{ repo: acme/app, ref: main }}), not {Describe(item)}");
        }

        return result;
    }

    private ApprovalSpec? BindApproval(ParamValue? value, string where)
    {
        if (value is null)
        {
            return null;
        }

        var inner = $"the approval of {where}";
        if (value is not MapValue map)
        {
            bag.Error(DiagnosticCodes.WrongType, value.Location, $"{inner} must be a map (roles, required, timeout, ...), not {Describe(value)}");
            return null;
        }

        CheckKeys(map, LanguageKeys.Approval, inner);
        var roles = ScalarList(map, "roles", inner, required: true)?.Select(r => r.Text).ToList() ?? [];
        var (required, quotas, all) = BindRequired(map, roles, inner);
        return new ApprovalSpec
        {
            Roles = roles,
            Required = required,
            Quotas = quotas,
            RequiresAll = all,
            ForbidSelf = Bool(map, "forbid_self", inner) ?? false,
            Timeout = Duration(map, "timeout", inner, positive: true),
            EscalateAfter = Duration(map, "escalate_after", inner, positive: true),
            EscalateTo = ScalarList(map, "escalate_to", inner)?.Select(r => r.Text).ToList() ?? [],
            OnTimeout = Enum(map, "on_timeout", inner, TimeoutPolicies) ?? TimeoutPolicy.Pause,
            Location = map.Location,
        };
    }

    /// <summary><c>required</c>: a number (any mix of the roles), <c>all</c> (one per role) or a map from role to count.</summary>
    private (int Required, IReadOnlyList<ApprovalQuota> Quotas, bool All) BindRequired(MapValue map, IReadOnlyList<string> roles, string where)
    {
        var value = Get(map, "required");
        switch (value)
        {
            case null:
                return (1, [], false);
            case ScalarValue { Text: "all" } all:
                var each = roles.Distinct(StringComparer.Ordinal).Select(r => new ApprovalQuota(r, 1) { Location = all.Location }).ToList();
                return (Math.Max(1, each.Count), each, true);
            case ScalarValue scalar when !scalar.TryGetInt(out _):
                bag.Error(DiagnosticCodes.WrongType, scalar.Location,
                    $"'required' of {where} must be a whole number, 'all' or a map from role to count (e.g. {{ {QuotaExample(roles)} }}), not {Describe(scalar)}");
                return (1, [], false);
            case ScalarValue:
                return ((int)(Int(map, "required", where, 1, 1000) ?? 1), [], false);
            case MapValue counts:
                return BindQuotas(counts, where);
            default:
                bag.Error(DiagnosticCodes.WrongType, value.Location,
                    $"'required' of {where} must be a whole number, 'all' or a map from role to count (e.g. {{ {QuotaExample(roles)} }}), not {Describe(value)}");
                return (1, [], false);
        }
    }

    private (int Required, IReadOnlyList<ApprovalQuota> Quotas, bool All) BindQuotas(MapValue counts, string where)
    {
        if (counts.Entries.Count == 0)
        {
            bag.Error(DiagnosticCodes.InvalidValue, counts.Location,
                $"'required' of {where} is an empty map; give a count per role (e.g. {{ release-managers: 1, product: 1 }}), a number, or 'all'");
            return (1, [], false);
        }

        var quotas = new List<ApprovalQuota>();
        foreach (var entry in counts.Entries)
        {
            var what = $"the count of role '{Shorten(entry.Key)}' in 'required' of {where}";
            if (entry.Value is not ScalarValue scalar || !scalar.TryGetInt(out var count))
            {
                bag.Error(DiagnosticCodes.WrongType, entry.Value.Location, $"{what} must be a whole number, not {Describe(entry.Value)}");
                continue;
            }

            if (count is < 1 or > 1000)
            {
                bag.Error(DiagnosticCodes.InvalidValue, scalar.Location,
                    $"{what} must be between 1 and 1000, not {count}{(count == 0 ? "; remove the role from 'roles' if its people need not approve" : "")}");
                continue;
            }

            quotas.Add(new ApprovalQuota(entry.Key, (int)count) { Location = entry.KeyLocation });
        }

        return (Math.Max(1, quotas.Sum(q => q.Count)), quotas, false);
    }

    private static string QuotaExample(IReadOnlyList<string> roles) =>
        roles.Count == 0 ? "release-managers: 1, product: 1" : string.Join(", ", roles.Take(3).Select(r => $"{Shorten(r)}: 1"));

    private ManualSpec? BindManual(ParamValue? value, string where)
    {
        switch (value)
        {
            case null:
                return null;
            case ScalarValue scalar:
                return new ManualSpec { Title = scalar.Text, Location = scalar.Location };
            case MapValue map:
                var inner = $"the manual task of {where}";
                CheckKeys(map, LanguageKeys.Manual, inner);
                return new ManualSpec
                {
                    Title = String(map, "title", inner, required: true) ?? string.Empty,
                    Instructions = String(map, "instructions", inner),
                    Roles = ScalarList(map, "roles", inner)?.Select(r => r.Text).ToList() ?? [],
                    Outcomes = BindOutcomes(map, inner),
                    Location = map.Location,
                };
            default:
                bag.Error(DiagnosticCodes.WrongType, value.Location, $"'manual' of {where} must be a title or a map (title, instructions, roles, outcomes), not {Describe(value)}");
                return null;
        }
    }

    /// <summary>
    /// <c>outcomes</c>: a non-empty list of done and failed, holding done (a task that can only fail would always
    /// stop the run). Unusable lists fall back to the default, done only.
    /// </summary>
    private List<ManualOutcome> BindOutcomes(MapValue map, string where)
    {
        if (ScalarList(map, "outcomes", where) is not { } items)
        {
            return [ManualOutcome.Done];
        }

        var result = new List<ManualOutcome>();
        var usable = true;
        foreach (var item in items)
        {
            if (!ManualOutcomes.TryGetValue(item.Text, out var outcome))
            {
                bag.Error(DiagnosticCodes.InvalidValue, item.Location,
                    $"the outcomes of {where} are done and failed, not {Describe(item)}{Suggestions.DidYouMean(item.Text, ManualOutcomes.Keys)}");
                usable = false;
            }
            else if (result.Contains(outcome))
            {
                bag.Error(DiagnosticCodes.InvalidValue, item.Location, $"outcome '{item.Text}' of {where} is listed twice");
            }
            else
            {
                result.Add(outcome);
            }
        }

        if (usable && !result.Contains(ManualOutcome.Done))
        {
            bag.Error(DiagnosticCodes.InvalidValue, Get(map, "outcomes")!.Location,
                $"'outcomes' of {where} must include done (e.g. outcomes: [done, failed]); a task that can only fail would always stop the run");
        }

        return usable && result.Contains(ManualOutcome.Done) ? result : [ManualOutcome.Done];
    }
}
