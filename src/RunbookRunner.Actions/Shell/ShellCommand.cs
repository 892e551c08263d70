using RunbookRunner.Actions.Parameters;

namespace RunbookRunner.Actions.Shell;

/// <summary>The parameters of a <c>shell</c> step, read and checked.</summary>
internal sealed record ShellCommand(
    string FileName,
    IReadOnlyList<string> Arguments,
    string? WorkingDirectory,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    IReadOnlyList<int> ExpectedExitCodes,
    string Display)
{
    public static ShellCommand Read(ParameterReader p, string shellPath)
    {
        p.RequireExactlyOne("run", "argv");
        string fileName;
        IReadOnlyList<string> arguments;
        string display;
        if (p.Has("run"))
        {
            var script = p.RequiredString("run");
            fileName = shellPath;
            arguments = ["-c", script];
            display = script;
        }
        else
        {
            var argv = p.StringList("argv");
            if (argv.Count == 0 || argv[0].Length == 0)
            {
                throw new ActionParameterException("parameter 'argv' must list the program and its arguments, e.g. [\"./migrate\", \"up\"]");
            }

            fileName = argv[0];
            arguments = argv.Skip(1).ToList();
            display = string.Join(' ', argv.Select(Quote));
        }

        var expected = p.IntList("expect_exit");
        var codes = expected.Count == 0 ? [0] : expected.Select(c => c is >= 0 and <= 255
            ? (int)c
            : throw new ActionParameterException($"parameter 'expect_exit' holds {c}; exit codes are 0 to 255")).ToList();

        var environment = p.StringMap("env");
        foreach (var (key, _) in environment)
        {
            if (key.Length == 0 || key.Contains('=', StringComparison.Ordinal))
            {
                throw new ActionParameterException($"parameter 'env' has an invalid variable name '{key}'");
            }
        }

        return new ShellCommand(fileName, arguments, p.OptionalString("cwd"), environment, codes, display);
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@%+,".Contains(c, StringComparison.Ordinal))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
