using System.Text.Json.Nodes;

namespace RunbookRunner.Core.Schema.Json;

/// <summary>Names of the shared definitions of the runbook JSON Schema and references to them.</summary>
internal static class JsonSchemaDefinitions
{
    public const string Text = "text";
    public const string Template = "template";
    public const string WholeReference = "reference";
    public const string Slug = "slug";
    public const string Identifier = "identifier";
    public const string Duration = "duration";
    public const string Anchor = "anchor";
    public const string Slugs = "slugs";
    public const string Retry = "retry";
    public const string FailurePolicy = "on_failure";
    public const string Approval = "approval";
    public const string Manual = "manual";
    public const string Gate = "gate";
    public const string Undo = "undo";
    public const string Step = "step";
    public const string RollbackStep = "rollback_step";
    public const string Guard = "guard";
    public const string GuardCheck = "guard_check";
    public const string Defaults = "defaults";

    /// <summary>The definition holding an action's <c>with</c> shape.</summary>
    public static string ActionParameters(string actionType) => "with:" + actionType;

    public static JsonObject Ref(string definition) => new() { ["$ref"] = "#/definitions/" + definition };

    public static JsonObject Ref(string definition, string description) =>
        new() { ["description"] = description, ["$ref"] = "#/definitions/" + definition };
}
