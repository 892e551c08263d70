using RunbookRunner.Core.Model;
using RunbookRunner.Core.Time;

namespace RunbookRunner.Core.Tests.Runs;

/// <summary>Test-data builders for runbooks built in code.</summary>
internal static class TestRunbooks
{
    public static ActionCall Call(string type = "http.check") => new(type, MapValue.Empty, SourceLocation.None);

    public static Step Action(string id, string? at = null, IReadOnlyList<string>? after = null, string type = "http.check") => new()
    {
        Id = id,
        Kind = StepKind.Action,
        Action = Call(type),
        At = at is null ? null : TimeAnchor.Parse(at),
        After = after,
        Timeout = TimeSpan.FromMinutes(10),
    };

    public static Step WithUndo(this Step step) => step with { Undo = Call("http") };

    public static Step Approval(string id, int required = 1, bool forbidSelf = false, params string[] roles) => new()
    {
        Id = id,
        Kind = StepKind.Approval,
        Approval = new ApprovalSpec { Roles = roles.Length == 0 ? ["release-managers"] : roles, Required = required, ForbidSelf = forbidSelf },
    };

    public static Runbook Of(params Step[] steps) => new()
    {
        Name = "test",
        Steps = steps,
        Roles = new Dictionary<string, IReadOnlyList<string>>
        {
            ["release-managers"] = ["U-LEAD", "U-RM1", "U-RM2"],
            ["product"] = ["U-PM"],
            ["sre"] = ["U-SRE"],
        },
    };
}
