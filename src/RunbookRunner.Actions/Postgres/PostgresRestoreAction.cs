using System.Globalization;
using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Actions.Processes;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Schema;

namespace RunbookRunner.Actions.Postgres;

/// <summary>
/// <c>postgres.restore</c>: restores a custom-format dump into <c>connection</c> in one transaction. With <c>clean</c>
/// (default true) the database ends exactly as dumped: objects in the dump are dropped and recreated, and tables, views
/// and sequences created since the dump are dropped. All or nothing: a failed restore leaves the database as it was.
/// Outputs: <c>from</c>, <c>duration_ms</c>.
/// </summary>
public sealed class PostgresRestoreAction : StepAction
{
    private readonly PostgresTools _tools;
    private readonly ProcessRunner _runner;
    private readonly ActionsOptions _options;

    public PostgresRestoreAction(PostgresTools tools, IOptions<ActionsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tools = tools;
        _options = options.Value;
        _runner = new ProcessRunner(time);
    }

    public override ActionDescriptor Descriptor { get; } = BuiltInDescriptors.Get("postgres.restore");

    protected override async Task<ActionResult> ExecuteCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var (connection, source, clean) = Read(parameters);
        if (!File.Exists(source))
        {
            return ActionResult.Failure($"dump file '{source}' does not exist", retryable: false);
        }

        ProcessRunResult result;
        try
        {
            context.Log.Write($"pg_restore{(clean ? " --clean" : string.Empty)} {source} -> {connection.Display()}");
            result = clean
                ? await RestoreCleanAsync(connection, source, context, cancellationToken).ConfigureAwait(false)
                : await RunToolAsync("pg_restore", ["--no-password", "--single-transaction", "--dbname=" + connection.ToConninfo(), source], connection, context, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException ex)
        {
            return ActionResult.Failure(ex.Message, retryable: false);
        }

        var outputs = new Dictionary<string, string>
        {
            ["from"] = Path.GetFullPath(source),
            ["duration_ms"] = ((long)result.Duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        };
        if (result.ExitCode != 0)
        {
            return ActionResult.Failure(
                $"pg_restore exited with {result.ExitCode} (nothing was changed): {result.LastErrorLine ?? "no error output"}",
                retryable: true,
                outputs);
        }

        return ActionResult.Success($"restored {Path.GetFileName(source)} into {connection.Get("dbname") ?? "database"} in {result.Duration.TotalSeconds:0.0}s", outputs);
    }

    /// <summary>
    /// The dump as a script (<c>--clean --if-exists</c>) run by psql in ONE transaction after <see cref="RestorePrelude"/>,
    /// so the database ends exactly as dumped, or unchanged when anything fails.
    /// </summary>
    private async Task<ProcessRunResult> RestoreCleanAsync(PostgresConnectionInfo connection, string source, ActionContext context, CancellationToken cancellationToken)
    {
        var script = Path.Combine(Path.GetTempPath(), $"runbook-restore-{Guid.NewGuid():N}.sql");
        try
        {
            var toScript = await RunToolAsync("pg_restore", ["--clean", "--if-exists", "--file=" + script, source], connection, context, cancellationToken).ConfigureAwait(false);
            if (toScript.ExitCode != 0)
            {
                return toScript;
            }

            return await RunToolAsync(
                "psql",
                ["--no-password", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--single-transaction", "--command=" + RestorePrelude.DropUserRelations, "--file=" + script, "--dbname=" + connection.ToConninfo()],
                connection,
                context,
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private Task<ProcessRunResult> RunToolAsync(
        string tool, IReadOnlyList<string> arguments, PostgresConnectionInfo connection, ActionContext context, CancellationToken cancellationToken) =>
        _runner.RunAsync(
            new ProcessRunRequest(_tools.Locate(tool), arguments)
            {
                Environment = connection.ToolEnvironment(),
                MaxCapturedChars = _options.MaxCapturedOutputChars,
                MaxLineChars = _options.MaxLogLineChars,
            },
            context.Log,
            cancellationToken);

    protected override Task<ActionResult> SimulateCoreAsync(ActionContext context, ParameterReader parameters, CancellationToken cancellationToken)
    {
        var (connection, source, clean) = Read(parameters);
        LogSimulated(context, $"would run pg_restore --single-transaction{(clean ? " --clean --if-exists" : string.Empty)} {source} -> {connection.Display()}");
        return Task.FromResult(ActionResult.Success(
            $"simulated: restore of {source} into {connection.Display()}",
            new Dictionary<string, string> { ["from"] = Path.GetFullPath(source), ["duration_ms"] = "0" }));
    }

    private static (PostgresConnectionInfo Connection, string Source, bool Clean) Read(ParameterReader p) =>
        (PostgresConnectionInfo.Parse(p.RequiredString("connection")), p.RequiredString("from"), p.OptionalBool("clean", true));
}
