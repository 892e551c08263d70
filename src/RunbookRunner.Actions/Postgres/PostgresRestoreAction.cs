using System.Globalization;
using Microsoft.Extensions.Options;
using RunbookRunner.Actions.Configuration;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Actions.Processes;
using RunbookRunner.Core.Execution;
using RunbookRunner.Core.Schema;

namespace RunbookRunner.Actions.Postgres;

/// <summary>
/// <c>postgres.restore</c>: <c>pg_restore --single-transaction</c> of a custom-format dump into <c>connection</c>,
/// dropping existing objects first (<c>clean</c>, default true, with <c>--if-exists</c>). All or nothing: a
/// failed restore leaves the database as it was. Outputs: <c>from</c>, <c>duration_ms</c>.
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

        string pgRestore;
        try
        {
            pgRestore = _tools.Locate("pg_restore");
        }
        catch (FileNotFoundException ex)
        {
            return ActionResult.Failure(ex.Message, retryable: false);
        }

        List<string> arguments = ["--no-password", "--single-transaction"];
        if (clean)
        {
            arguments.AddRange(["--clean", "--if-exists"]);
        }

        arguments.Add("--dbname=" + connection.ToConninfo());
        arguments.Add(source);
        context.Log.Write($"pg_restore{(clean ? " --clean" : string.Empty)} {source} -> {connection.Display()}");
        var result = await _runner.RunAsync(
            new ProcessRunRequest(pgRestore, arguments)
            {
                Environment = connection.ToolEnvironment(),
                MaxCapturedChars = _options.MaxCapturedOutputChars,
                MaxLineChars = _options.MaxLogLineChars,
            },
            context.Log,
            cancellationToken).ConfigureAwait(false);

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
