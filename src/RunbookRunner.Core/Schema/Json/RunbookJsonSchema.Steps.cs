using System.Text.Json.Nodes;
using RunbookRunner.Core.Loading;
using D = RunbookRunner.Core.Schema.Json.JsonSchemaDefinitions;

namespace RunbookRunner.Core.Schema.Json;

/// <summary>Steps, rollback steps, approvals, manual tasks, gates and undo.</summary>
public static partial class RunbookJsonSchema
{
    private static readonly string[] KindKeys = ["action", "approval", "manual", "wait"];

    private static void AddStepDefinitions(JsonObject definitions)
    {
        var actions = ActionCatalog.BuiltIn.Values.OrderBy(a => a.Type, StringComparer.Ordinal).ToList();
        var gates = actions.Where(a => a.CanGate).ToList();

        definitions[D.Step] = Step(actions, rollback: false);
        definitions[D.RollbackStep] = Step(actions, rollback: true);
        definitions[D.Approval] = Closed(
            new JsonObject
            {
                ["roles"] = Described(D.Slugs, "Roles whose people may approve (declared under roles)."),
                ["required"] = new JsonObject
                {
                    ["description"] = "Distinct approvers needed (default 1); `all` for one person from every role; or a count per role, one role per person.",
                    ["anyOf"] = new JsonArray(
                        new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                        new JsonObject { ["const"] = "all" },
                        new JsonObject
                        {
                            ["type"] = "object",
                            ["propertyNames"] = D.Ref(D.Slug),
                            ["additionalProperties"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                        }),
                },
                ["forbid_self"] = new JsonObject { ["description"] = "The person who started the run may not approve.", ["type"] = "boolean" },
                ["timeout"] = Described(D.Duration, "How long approvers have; then on_timeout applies."),
                ["escalate_after"] = Described(D.Duration, "Mention escalate_to after this long without a decision."),
                ["escalate_to"] = Described(D.Slugs, "Roles mentioned on escalation; default the approver roles."),
                ["on_timeout"] = new JsonObject { ["description"] = "What happens when nobody decides in time; default pause.", ["enum"] = Strings("pause", "abort", "rollback") },
            },
            LanguageKeys.Approval,
            "approval",
            "roles");
        definitions[D.Approval]!["examples"] = new JsonArray(
            new JsonObject
            {
                ["roles"] = Strings("release-managers", "product"),
                ["required"] = 2,
                ["timeout"] = "30m",
                ["on_timeout"] = "abort",
            },
            new JsonObject
            {
                ["roles"] = Strings("release-managers", "product"),
                ["required"] = new JsonObject { ["release-managers"] = 1, ["product"] = 1 },
                ["timeout"] = "30m",
            });
        definitions[D.Manual] = new JsonObject
        {
            ["description"] = "A task a person ticks off: a title, or a map with title, instructions, roles and outcomes.",
            ["anyOf"] = new JsonArray(
                D.Ref(D.Text),
                Closed(
                    new JsonObject
                    {
                        ["title"] = Described(D.Text, "What must be done."),
                        ["instructions"] = Described(D.Text, "Longer explanation."),
                        ["roles"] = Described(D.Slugs, "Who may mark it done (or failed); default any operator."),
                        ["outcomes"] = new JsonObject
                        {
                            ["description"] = "What a person may report; default [done]. With failed, marking it failed fails the step and its on_failure applies.",
                            ["type"] = "array",

                            // The only lists the loader accepts: done, once each, with or without failed.
                            ["enum"] = new JsonArray(Strings("done"), Strings("done", "failed"), Strings("failed", "done")),
                        },
                    },
                    LanguageKeys.Manual,
                    "manual",
                    "title")),
        };
        definitions[D.Undo] = new JsonObject
        {
            ["description"] = "Compensation run when the run rolls back after this step completed.",
            ["type"] = "object",
            ["required"] = Strings("action"),
            ["additionalProperties"] = false,
            ["properties"] = ActionProperties(actions, "The action that undoes this step."),
            ["allOf"] = WithRules(actions),
        };
        CheckKeys("undo", (JsonObject)definitions[D.Undo]!["properties"]!, LanguageKeys.ActionCall);

        var gateForms = new JsonArray();
        foreach (var gate in gates)
        {
            gateForms.Add(new JsonObject
            {
                ["type"] = "object",
                ["required"] = Strings(gate.Type),
                ["additionalProperties"] = false,
                ["properties"] = new JsonObject { [gate.Type] = D.Ref(D.ActionParameters(gate.Type), gate.Summary) },
            });
        }

        gateForms.Add(new JsonObject
        {
            ["type"] = "object",
            ["required"] = Strings("action"),
            ["additionalProperties"] = false,
            ["properties"] = ActionProperties(gates, "The check to run."),
            ["allOf"] = WithRules(gates),
        });
        definitions[D.Gate] = new JsonObject
        {
            ["description"] = "A side-effect-free check shown with the approval: `action.type: { parameters }` or `{ action, with }`.",
            ["anyOf"] = gateForms,
        };
    }

    private static JsonObject Step(IReadOnlyList<ActionDescriptor> actions, bool rollback)
    {
        var properties = new JsonObject
        {
            ["id"] = Described(D.Slug, "Unique among steps, rollback steps and guards."),
            ["title"] = Described(D.Text, "Shown in narration and plans; default the id."),
            ["description"] = Described(D.Text, "Free text."),
        };
        if (!rollback)
        {
            properties["at"] = Described(D.Anchor, "Earliest start relative to T0.");
            properties["after"] = Described(D.Slugs, "Steps this one waits for; default the previous step; [] starts with the run.");
        }

        foreach (var (key, value) in ActionProperties(actions, "The built-in action to run."))
        {
            properties[key] = value!.DeepClone();
        }

        properties["approval"] = Described(D.Approval, "People who must approve: the whole step, or a gate before its action.");
        properties["gates"] = new JsonObject
        {
            ["description"] = "Evidence shown in the approval message; a failed gate blocks approval. Needs approval.",
            ["type"] = "array",
            ["items"] = D.Ref(D.Gate),
        };
        properties["manual"] = D.Ref(D.Manual);
        properties["wait"] = Described(D.Duration, "Wait this long.");
        properties["timeout"] = Described(D.Duration, "Limit of each attempt; default defaults.timeout.");
        properties["retry"] = D.Ref(D.Retry);
        properties["on_failure"] = D.Ref(D.FailurePolicy);
        properties["idempotent"] = new JsonObject
        {
            ["description"] = "false: after a crash mid-step, ask a person instead of re-running; default the action's own.",
            ["type"] = "boolean",
        };
        if (!rollback)
        {
            properties["undo"] = D.Ref(D.Undo);
            properties["every"] = Described(D.Duration, "Repeat the step at this interval, until `until`.");
            properties["until"] = Described(D.Anchor, "Last repetition of an `every` step.");
        }

        properties["only"] = Described(D.Slugs, "Run only in these environments; elsewhere the step is skipped.");
        var keys = rollback ? LanguageKeys.Step.Except(LanguageKeys.RollbackForbidden).Where(k => k != "undo").ToArray() : LanguageKeys.Step;
        CheckKeys(rollback ? "a rollback step" : "a step", properties, keys);

        // Exactly one kind, except that an action may carry an approval.
        var conflicts = KindKeys.SelectMany((a, i) => KindKeys.Skip(i + 1).Select(b => (a, b)))
            .Where(p => p != ("action", "approval"))
            .Select(p => (JsonNode)new JsonObject { ["required"] = Strings(p.a, p.b) })
            .ToArray();
        var rules = WithRules(actions);
        rules.Insert(0, new JsonObject { ["anyOf"] = new JsonArray([.. KindKeys.Select(k => (JsonNode)new JsonObject { ["required"] = Strings(k) })]) });
        rules.Insert(1, new JsonObject { ["not"] = new JsonObject { ["anyOf"] = new JsonArray(conflicts) } });
        if (!rollback)
        {
            rules.Add(new JsonObject
            {
                ["if"] = new JsonObject { ["required"] = Strings("every") },
                ["then"] = new JsonObject { ["required"] = Strings("until") },
            });
        }

        var step = new JsonObject
        {
            ["description"] = rollback
                ? "A rollback step: an action, approval, manual task or wait, run in order when the run rolls back."
                : "A step: an action (optionally approved first), an approval, a manual task or a wait.",
            ["type"] = "object",
            ["required"] = Strings("id"),
            ["additionalProperties"] = false,
            ["properties"] = properties,
            ["allOf"] = rules,
        };
        if (!rollback)
        {
            step["examples"] = new JsonArray(new JsonObject
            {
                ["id"] = "smoke",
                ["action"] = "http.check",
                ["with"] = new JsonObject { ["checks"] = new JsonArray(new JsonObject { ["url"] = "${app_url}/healthz", ["expect_status"] = 200 }) },
                ["retry"] = new JsonObject { ["attempts"] = 3, ["backoff"] = "20s" },
                ["on_failure"] = "rollback",
            });
        }

        return step;
    }

    /// <summary><c>action</c> (one of the given types) and <c>with</c> (any map; its shape comes from <see cref="WithRules"/>).</summary>
    private static JsonObject ActionProperties(IReadOnlyList<ActionDescriptor> actions, string description) => new()
    {
        ["action"] = new JsonObject
        {
            ["description"] = description + " " + string.Join("; ", actions.Select(a => $"{a.Type}: {a.Summary}")),
            ["enum"] = Strings([.. actions.Select(a => a.Type)]),
        },
        ["with"] = new JsonObject
        {
            ["description"] = "The action's parameters.",
            ["type"] = "object",
        },
    };

    /// <summary>One if/then per action type: when <c>action</c> is that type, <c>with</c> has that action's shape.</summary>
    private static JsonArray WithRules(IEnumerable<ActionDescriptor> actions) =>
        new([.. actions.Select(a => (JsonNode)new JsonObject
        {
            ["if"] = new JsonObject
            {
                ["required"] = Strings("action"),
                ["properties"] = new JsonObject { ["action"] = new JsonObject { ["const"] = a.Type } },
            },
            ["then"] = new JsonObject
            {
                ["properties"] = new JsonObject { ["with"] = D.Ref(D.ActionParameters(a.Type)) },
            },
        })]);
}
