using System.Globalization;
using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Actions.Processes;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Schema;

namespace RunbookRunner.Actions.Postgres;

/// <summary>
/// <c>postgres.backup</c>: <c>pg_dump -Fc</c> of <c>connection</c> into <c>to</c> (written to a temporary file and
/// renamed, so a failed dump never leaves a plausible-looking file); <c>verify: true</c> reads it back with
/// <c>pg_restore --list</c>. Outputs: <c>path</c>, <c>size_bytes</c>, <c>duration_ms</c>, <c>toc_entries</c> (verified).
/// </summary>
public sealed class PostgresBackupAction : StepAction
{
    private readonly PostgresTools _tools;
    private readonly ProcessRunner _runner;
    private readonly TimeProvider _time;
    private readonly ActionsOptions _options;

    public PostgresBackupAction(PostgresTools tools, IOptions<ActionsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tools = tools;
        _time = time;
        _options = options.Value;
        _runner = new ProcessRunner(time);
    }

    public override ActionDescriptor Descriptor { get; } = BuiltInDescriptors.Get("postgres.backup");

    protected override async Task<ActionResult> ExecuteCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var (connection, target, verify) = Read(parameters);
        string pgDump;
        string? pgRestore = null;
        try
        {
            pgDump = _tools.Locate("pg_dump");
            if (verify)
            {
                pgRestore = _tools.Locate("pg_restore");
            }
        }
        catch (FileNotFoundException ex)
        {
            return ActionResult.Failure(ex.Message, retryable: false);
        }

        var directory = Path.GetDirectoryName(target);
        try
        {
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ActionResult.Failure($"cannot create the backup directory '{directory}': {ex.Message}", retryable: false);
        }

        var partial = target + ".partial";
        var started = _time.GetTimestamp();
        context.Log.Write($"pg_dump -Fc {connection.Display()} -> {target}");
        ProcessRunResult dump;
        try
        {
            dump = await _runner.RunAsync(
                new ProcessRunRequest(pgDump, ["--format=custom", "--no-password", "--file=" + partial, "--dbname=" + connection.ToConninfo()])
                {
                    Environment = connection.ToolEnvironment(),
                    MaxCapturedChars = _options.MaxCapturedOutputChars,
                    MaxLineChars = _options.MaxLogLineChars,
                },
                context.Log,
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            TryDelete(partial);
            throw;
        }

        if (dump.ExitCode != 0)
        {
            TryDelete(partial);
            return ActionResult.Failure($"pg_dump exited with {dump.ExitCode}: {dump.LastErrorLine ?? "no error output"}", retryable: true);
        }

        File.Move(partial, target, overwrite: true);
        var size = new FileInfo(target).Length;
        var outputs = new Dictionary<string, string>
        {
            ["path"] = Path.GetFullPath(target),
            ["size_bytes"] = size.ToString(CultureInfo.InvariantCulture),
        };
        context.Log.Write($"wrote {FormatSize(size)} to {target}");

        if (pgRestore is not null)
        {
            var list = await _runner.RunAsync(
                new ProcessRunRequest(pgRestore, ["--list", target])
                {
                    LogStdout = false,
                    MaxCapturedChars = 16 * 1024 * 1024,
                    MaxLineChars = _options.MaxLogLineChars,
                },
                context.Log,
                cancellationToken).ConfigureAwait(false);
            if (list.ExitCode != 0)
            {
                return ActionResult.Failure($"verification failed: pg_restore --list exited with {list.ExitCode}: {list.LastErrorLine ?? "no error output"}", retryable: true, outputs);
            }

            var entries = list.Stdout.Split('\n').Count(l => l.Length > 0 && !l.StartsWith(';'));
            outputs["toc_entries"] = entries.ToString(CultureInfo.InvariantCulture);
            context.Log.Write($"verified: pg_restore --list reads {entries} archive entries");
        }

        var elapsed = _time.GetElapsedTime(started);
        outputs["duration_ms"] = ((long)elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        return ActionResult.Success(
            $"backup of {connection.Get("dbname") ?? "database"}: {FormatSize(size)} in {elapsed.TotalSeconds:0.0}s{(verify ? ", verified" : string.Empty)}",
            outputs);
    }

    protected override Task<ActionResult> SimulateCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var (connection, target, verify) = Read(parameters);
        LogSimulated(context, $"would run pg_dump -Fc {connection.Display()} -> {target}");
        if (verify)
        {
            LogSimulated(context, $"would verify {target} with pg_restore --list");
        }

        var outputs = new Dictionary<string, string>
        {
            ["path"] = Path.GetFullPath(target),
            ["size_bytes"] = "0",
            ["duration_ms"] = "0",
        };
        if (verify)
        {
            outputs["toc_entries"] = "0";
        }

        return Task.FromResult(ActionResult.Success($"simulated: backup of {connection.Display()} to {target}", outputs));
    }

    private static (PostgresConnectionInfo Connection, string Target, bool Verify) Read(ParameterReader p) =>
        (PostgresConnectionInfo.Parse(p.RequiredString("connection")), p.RequiredString("to"), p.OptionalBool("verify", false));

    internal static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.00} GiB"),
    };

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover .partial file is named as such and overwritten next time.
        }
    }
}
