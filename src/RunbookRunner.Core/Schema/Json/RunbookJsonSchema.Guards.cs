using System.Text.Json.Nodes;
using RunbookRunner.Core.Loading;
using D = RunbookRunner.Core.Schema.Json.JsonSchemaDefinitions;

namespace RunbookRunner.Core.Schema.Json;

/// <summary>Guards and their checks.</summary>
public static partial class RunbookJsonSchema
{
    private static void AddGuardDefinitions(JsonObject definitions)
    {
        var guard = Closed(
            new JsonObject
            {
                ["id"] = Described(D.Slug, "Unique among steps and guards."),
                ["title"] = Described(D.Text, "Shown in narration; default the id."),
                ["from"] = Described(D.Slug, "Watching starts when this step of steps: completes."),
                ["until"] = Described(D.Anchor, "Watching stops at this anchor; default the end of the run."),
                ["every"] = Described(D.Duration, "Poll interval; default 30s."),
                ["check"] = D.Ref(D.GuardCheck),
                ["then"] = new JsonObject { ["description"] = "What a tripped guard does; default rollback.", ["enum"] = Strings("rollback", "pause", "notify") },
                ["approval"] = Described(D.Approval, "Ask these people before acting."),
            },
            LanguageKeys.Guard,
            "a guard",
            "id",
            "from",
            "check");
        guard["description"] = "A rollback criterion: from step `from` until `until`, `check` is polled every `every`; a breach lasting `for` does `then`.";
        guard["examples"] = new JsonArray(new JsonObject
        {
            ["id"] = "error-rate",
            ["from"] = "dns-cutover",
            ["until"] = "T+2h",
            ["every"] = "30s",
            ["check"] = new JsonObject { ["url"] = "${app_url}/metrics/error-rate", ["json_path"] = "$.value", ["above"] = 0.05, ["for"] = "2m" },
            ["then"] = "rollback",
        });
        definitions[D.Guard] = guard;

        var check = Closed(
            new JsonObject
            {
                ["url"] = Described(D.Text, "URL polled with GET."),
                ["json_path"] = Described(D.Text, "JSON path of a number in the response ($.value); without it the body is read as a number."),
                ["above"] = new JsonObject { ["description"] = "Breach when the number is above this.", ["type"] = "number" },
                ["below"] = new JsonObject { ["description"] = "Breach when the number is below this.", ["type"] = "number" },
                ["expect_status"] = new JsonObject { ["description"] = "Breach when the status differs.", ["type"] = "integer", ["minimum"] = 100, ["maximum"] = 599 },
                ["for"] = Described(D.Duration, "How long a breach must last to trip; default 0s."),
            },
            LanguageKeys.GuardCheck,
            "a guard check",
            "url");
        check["description"] = "What a guard polls; at least one of above, below, expect_status.";
        check["anyOf"] = new JsonArray(
            new JsonObject { ["required"] = Strings("above") },
            new JsonObject { ["required"] = Strings("below") },
            new JsonObject { ["required"] = Strings("expect_status") });
        definitions[D.GuardCheck] = check;
    }
}
