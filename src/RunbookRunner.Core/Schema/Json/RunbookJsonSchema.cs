using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RunbookRunner.Core.Loading;
using D = RunbookRunner.Core.Schema.Json.JsonSchemaDefinitions;
using P = RunbookRunner.Core.Schema.Json.RunbookJsonSchemaPatterns;

namespace RunbookRunner.Core.Schema.Json;

/// <summary>
/// Generates the JSON Schema (draft-07) of runbook files from the language's keys and the <see cref="ActionCatalog"/>,
/// so editors with a YAML language server complete keys, show descriptions and flag typos. The committed
/// <c>schemas/runbook.schema.json</c> is this output; a test keeps it fresh.
/// </summary>
public static partial class RunbookJsonSchema
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The schema as a JSON tree.</summary>
    public static JsonObject Generate()
    {
        var definitions = new JsonObject();
        AddScalarDefinitions(definitions);
        AddStepDefinitions(definitions);
        AddGuardDefinitions(definitions);
        foreach (var action in ActionCatalog.BuiltIn.Values.OrderBy(a => a.Type, StringComparer.Ordinal))
        {
            var shape = ParamJsonSchema.Object(action.Parameters);
            definitions[D.ActionParameters(action.Type)] = Prepend(shape, "description", $"Parameters of '{action.Type}': {action.Summary}");
        }

        var properties = new JsonObject
        {
            ["name"] = Described(D.Slug, "Slug that names the runbook (launch-day): lowercase letters, digits, '-' and '_'."),
            ["title"] = Described(D.Text, "Human title for narration and reports."),
            ["description"] = Described(D.Text, "Free text."),
            ["timezone"] = new JsonObject
            {
                ["description"] = "IANA time zone for clock times in narration, plans and calendars; default UTC.",
                ["type"] = "string",
                ["examples"] = Strings("Europe/London", "America/New_York", "UTC"),
            },
            ["channel"] = Described(D.Text, "Slack channel id for the war-room narration (C0123WARROOM)."),
            ["environments"] = new JsonObject
            {
                ["description"] = "Variables per environment; `--env NAME` picks one. A bare ${NAME} reads the chosen environment, else vars.",
                ["type"] = "object",
                ["propertyNames"] = D.Ref(D.Slug),
                ["additionalProperties"] = new JsonObject
                {
                    ["type"] = "object",
                    ["propertyNames"] = D.Ref(D.Identifier),
                },
                ["examples"] = new JsonArray(new JsonObject
                {
                    ["staging"] = new JsonObject { ["app_url"] = "https://staging.example.com" },
                    ["production"] = new JsonObject { ["app_url"] = "https://www.example.com" },
                }),
            },
            ["vars"] = new JsonObject
            {
                ["description"] = "Runbook variables, ${vars.NAME}; values may be lists and maps.",
                ["type"] = "object",
                ["propertyNames"] = D.Ref(D.Identifier),
            },
            ["secrets"] = new JsonObject
            {
                ["description"] = "Where secrets come from at run time (env:VAR or file:PATH, or a map from environment to source); used as ${secrets.NAME} and redacted everywhere.",
                ["type"] = "object",
                ["propertyNames"] = D.Ref(D.Identifier),
                ["additionalProperties"] = new JsonObject
                {
                    ["anyOf"] = new JsonArray(
                        SecretSourceSchema(),
                        new JsonObject
                        {
                            ["description"] = "A source per environment (keys are names under environments).",
                            ["type"] = "object",
                            ["minProperties"] = 1,
                            ["propertyNames"] = D.Ref(D.Slug),
                            ["additionalProperties"] = SecretSourceSchema(),
                            ["examples"] = new JsonArray(new JsonObject { ["staging"] = "env:STAGING_DATABASE_URL", ["production"] = "env:PROD_DATABASE_URL" }),
                        }),
                },
            },
            ["roles"] = new JsonObject
            {
                ["description"] = "Role name → Slack user ids of the people allowed to approve or tick off tasks.",
                ["type"] = "object",
                ["propertyNames"] = D.Ref(D.Slug),
                ["additionalProperties"] = new JsonObject
                {
                    ["anyOf"] = new JsonArray(D.Ref(D.Text), new JsonObject { ["type"] = "array", ["items"] = D.Ref(D.Text) }),
                },
                ["examples"] = new JsonArray(new JsonObject { ["release-managers"] = Strings("U01AAA", "U01BBB") }),
            },
            ["defaults"] = D.Ref(D.Defaults, "Values steps take when they set none: timeout, retry, on_failure."),
            ["steps"] = new JsonObject
            {
                ["description"] = "The launch sequence. A step follows the previous one unless it says `after:`; `at:` anchors it to T0.",
                ["type"] = "array",
                ["items"] = D.Ref(D.Step),
            },
            ["guards"] = new JsonObject
            {
                ["description"] = "Rollback criteria watched while active.",
                ["type"] = "array",
                ["items"] = D.Ref(D.Guard),
            },
            ["rollback"] = new JsonObject
            {
                ["description"] = "Steps run in order after the undo of every completed step when the run rolls back.",
                ["type"] = "array",
                ["items"] = D.Ref(D.RollbackStep),
            },
        };
        CheckKeys("the runbook", properties, LanguageKeys.Runbook);

        return new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "RunbookRunner runbook",
            ["description"] = "A launch-day runbook: timed steps, approvals, manual tasks, guards and rollback. Generated by `runbook schema`; do not edit.",
            ["type"] = "object",
            ["required"] = Strings("name", "steps"),
            ["additionalProperties"] = false,
            ["properties"] = properties,
            ["definitions"] = definitions,
        };
    }

    /// <summary>The schema as indented JSON text with '\n' line endings and a final newline, as committed.</summary>
    public static string ToJsonText() =>
        Generate().ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    private static void AddScalarDefinitions(JsonObject definitions)
    {
        definitions[D.Text] = new JsonObject
        {
            ["description"] = "Text; YAML numbers and booleans are read as text.",
            ["type"] = Strings("string", "number", "boolean"),
        };
        definitions[D.Template] = new JsonObject
        {
            ["description"] = "A value holding ${...}, checked when the run substitutes it.",
            ["type"] = "string",
            ["pattern"] = P.Template,
        };
        definitions[D.WholeReference] = new JsonObject
        {
            ["description"] = "Exactly one ${...} reference; the variable may hold a list or a map.",
            ["type"] = "string",
            ["pattern"] = P.WholeReference,
        };
        definitions[D.Slug] = new JsonObject
        {
            ["description"] = "Lowercase letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters.",
            ["type"] = "string",
            ["pattern"] = P.Slug,
        };
        definitions[D.Identifier] = new JsonObject
        {
            ["description"] = "Letters, digits, '_' and '-', starting with a letter or '_', at most 64 characters.",
            ["type"] = "string",
            ["pattern"] = P.Identifier,
        };
        definitions[D.Duration] = new JsonObject
        {
            ["description"] = "A duration: number+unit parts, largest first (d, h, m, s, ms).",
            ["type"] = "string",
            ["pattern"] = P.Duration,
            ["examples"] = Strings("30s", "15m", "1h30m", "2d", "500ms"),
        };
        definitions[D.Anchor] = new JsonObject
        {
            ["description"] = "A time relative to the launch time T0.",
            ["type"] = "string",
            ["pattern"] = P.Anchor,
            ["examples"] = Strings("T-6h", "T+90m", "T+1d2h", "T+0"),
        };
        definitions[D.Slugs] = new JsonObject
        {
            ["description"] = "One name, or a list of names.",
            ["anyOf"] = new JsonArray(D.Ref(D.Slug), new JsonObject { ["type"] = "array", ["items"] = D.Ref(D.Slug) }),
        };
        definitions[D.FailurePolicy] = new JsonObject
        {
            ["description"] = "What the run does when the step fails for good: pause (the war room chooses Retry / Skip / Roll back / Abort), rollback, abort, continue.",
            ["enum"] = Strings("pause", "rollback", "abort", "continue"),
        };
        definitions[D.Retry] = new JsonObject
        {
            ["description"] = "Attempts in all (the first included), or a map with attempts, backoff, factor and max_backoff.",
            ["anyOf"] = new JsonArray(
                new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 100 },
                Closed(
                    new JsonObject
                    {
                        ["attempts"] = new JsonObject { ["description"] = "Attempts in all, the first included; default 1.", ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 100 },
                        ["backoff"] = Described(D.Duration, "Delay before the first retry; default 0s."),
                        ["factor"] = new JsonObject { ["description"] = "Each further delay is multiplied by this; default 1.", ["type"] = "number", ["minimum"] = 1 },
                        ["max_backoff"] = Described(D.Duration, "Cap on the delay."),
                    },
                    LanguageKeys.Retry,
                    "retry")),
            ["examples"] = new JsonArray(3, new JsonObject { ["attempts"] = 3, ["backoff"] = "20s" }),
        };
        definitions[D.Defaults] = Closed(
            new JsonObject
            {
                ["timeout"] = Described(D.Duration, "Timeout of every step that sets none."),
                ["retry"] = Described(D.Retry, "Retry policy of every step that sets none."),
                ["on_failure"] = Described(D.FailurePolicy, "Failure policy of every step that sets none; default pause."),
            },
            LanguageKeys.Defaults,
            "defaults");
    }

    private static JsonObject Closed(JsonObject properties, IReadOnlyList<string> keys, string where, params string[] required)
    {
        CheckKeys(where, properties, keys);
        var result = new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
        if (required.Length > 0)
        {
            result["required"] = Strings(required);
        }

        return result;
    }

    /// <summary>The schema must describe exactly the keys the loader accepts; a mismatch is a bug in this generator.</summary>
    private static void CheckKeys(string where, JsonObject properties, IReadOnlyList<string> keys)
    {
        var described = properties.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        if (!described.SetEquals(keys))
        {
            throw new InvalidOperationException(
                $"The JSON Schema of {where} describes [{string.Join(", ", described.Order(StringComparer.Ordinal))}] but the loader accepts [{string.Join(", ", keys.Order(StringComparer.Ordinal))}].");
        }
    }

    private static JsonObject Described(string definition, string description) => D.Ref(definition, description);

    private static JsonArray Strings(params string[] values) => ParamJsonSchema.Strings(values);

    private static JsonObject SecretSourceSchema() => new()
    {
        ["type"] = "string",
        ["pattern"] = P.SecretSource,
        ["examples"] = Strings("env:PROD_DATABASE_URL", "file:/run/secrets/cf"),
    };

    private static JsonObject Prepend(JsonObject target, string key, JsonNode value)
    {
        var result = new JsonObject { [key] = value };
        foreach (var (name, node) in target.ToList())
        {
            target.Remove(name);
            result[name] = node;
        }

        return result;
    }
}
