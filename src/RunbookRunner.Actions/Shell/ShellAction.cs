using System.Globalization;
using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Actions.Processes;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Schema;

namespace RunbookRunner.Actions.Shell;

/// <summary>
/// <c>shell</c>: runs a script through <c>/bin/sh -c</c> (<c>run</c>) or a program directly (<c>argv</c>),
/// streams its output, keeps the tail, and kills the whole process tree when the step times out.
/// Outputs: <c>exit_code</c>, <c>stdout</c>, <c>stderr</c> (tails), <c>duration_ms</c>.
/// </summary>
public sealed class ShellAction : StepAction
{
    /// <summary>Set in the child's environment so scripts can make themselves idempotent.</summary>
    public const string IdempotencyKeyVariable = "RUNBOOK_IDEMPOTENCY_KEY";

    private readonly ActionsOptions _options;
    private readonly ProcessRunner _runner;

    public ShellAction(IOptions<ActionsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _runner = new ProcessRunner(time);
    }

    public override ActionDescriptor Descriptor { get; } = BuiltInDescriptors.Get("shell");

    protected override async Task<ActionResult> ExecuteCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var command = ShellCommand.Read(parameters, _options.ShellPath);
        if (context.WorkingDirectory is { } runDirectory)
        {
            // Relative paths in a runbook mean "next to the runbook", wherever the runner was started.
            var directory = Path.Combine(runDirectory, command.WorkingDirectory ?? ".");
            var program = command.FileName.Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(command.FileName)
                ? Path.GetFullPath(command.FileName, directory)
                : command.FileName;
            command = command with { WorkingDirectory = directory, FileName = program };
        }

        if (command.WorkingDirectory is { } cwd && !Directory.Exists(cwd))
        {
            return ActionResult.Failure($"working directory '{cwd}' does not exist", retryable: false);
        }

        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in command.Environment)
        {
            environment[key] = value;
        }

        environment[IdempotencyKeyVariable] = context.IdempotencyKey;
        environment["RUNBOOK_RUN_ID"] = context.RunId;
        environment["RUNBOOK_STEP_ID"] = context.StepId;
        environment["RUNBOOK_ATTEMPT"] = context.Attempt.ToString(CultureInfo.InvariantCulture);

        context.Log.Write($"$ {command.Display}");
        ProcessRunResult result;
        try
        {
            result = await _runner.RunAsync(
                new ProcessRunRequest(command.FileName, command.Arguments)
                {
                    WorkingDirectory = command.WorkingDirectory,
                    Environment = environment,
                    MaxCapturedChars = _options.MaxCapturedOutputChars,
                    MaxLineChars = _options.MaxLogLineChars,
                },
                context.Log,
                cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            return ActionResult.Failure(ex.Message, retryable: false);
        }

        var outputs = new Dictionary<string, string>
        {
            ["exit_code"] = result.ExitCode.ToString(CultureInfo.InvariantCulture),
            ["stdout"] = result.Stdout,
            ["stderr"] = result.Stderr,
            ["duration_ms"] = ((long)result.Duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        };
        if (result.StdoutTruncated || result.StderrTruncated)
        {
            context.Log.Write($"note: output longer than {_options.MaxCapturedOutputChars} characters; outputs keep the tail");
        }

        if (command.ExpectedExitCodes.Contains(result.ExitCode))
        {
            return ActionResult.Success($"exit code {result.ExitCode} in {result.Duration.TotalSeconds:0.0}s", outputs);
        }

        var detail = result.LastErrorLine is { } last ? $": {last}" : string.Empty;
        return ActionResult.Failure(
            $"exit code {result.ExitCode} (expected {FormatCodes(command.ExpectedExitCodes)}){detail}",
            retryable: true,
            outputs);
    }

    protected override Task<ActionResult> SimulateCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var command = ShellCommand.Read(parameters, _options.ShellPath);
        var where = command.WorkingDirectory is null ? string.Empty : $" in {command.WorkingDirectory}";
        var env = command.Environment.Count == 0 ? string.Empty : $" with {string.Join(", ", command.Environment.Select(e => e.Key))} set";
        LogSimulated(context, $"would run: {command.Display}{where}{env}");
        LogSimulated(context, $"would expect exit code {FormatCodes(command.ExpectedExitCodes)}");
        var expected = command.ExpectedExitCodes[0];
        return Task.FromResult(ActionResult.Success(
            $"simulated: {command.Display}",
            new Dictionary<string, string>
            {
                ["exit_code"] = expected.ToString(CultureInfo.InvariantCulture),
                ["stdout"] = string.Empty,
                ["stderr"] = string.Empty,
                ["duration_ms"] = "0",
            }));
    }

    private static string FormatCodes(IReadOnlyList<int> codes) =>
        codes.Count == 1 ? codes[0].ToString(CultureInfo.InvariantCulture) : "one of " + string.Join(", ", codes);
}
