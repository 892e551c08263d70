using static RunbookRunner.Core.Schema.SchemaBuilder;

namespace RunbookRunner.Core.Schema;

public static partial class ActionCatalog
{
    private static ActionDescriptor Shell() => new()
    {
        Type = "shell",
        Summary = "Runs a command: a script through /bin/sh -c, or an argv list without a shell.",
        Parameters = Object(
            Opt("run", Str(), "Script run with /bin/sh -c."),
            Opt("argv", ListOf(Str()), "Program and arguments, run without a shell."),
            Opt("cwd", Str(), "Working directory."),
            Opt("env", MapOf(Str()), "Extra environment variables."),
            Opt("expect_exit", new OneOfSchema([Int(0, 255), ListOf(Int(0, 255))]), "Exit codes that count as success; default [0]."))
        with
        {
            ExactlyOneOf = [["run", "argv"]],
        },
        Idempotent = false,
        Outputs = ["exit_code", "stdout", "stderr"],
    };
}
