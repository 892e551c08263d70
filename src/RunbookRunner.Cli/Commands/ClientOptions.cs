using System.CommandLine;
using System.Net;
using RunbookRunner.Cli.Api;
using RunbookRunner.Cli.Output;

namespace RunbookRunner.Cli.Commands;

/// <summary>
/// What every command that talks to a server shares: <c>--url</c> and <c>--token</c> (or <c>RUNBOOK_URL</c> and
/// <c>RUNBOOK_TOKEN</c>), and one way of turning the server's refusals into messages and exit codes.
/// </summary>
internal sealed class ClientOptions
{
    public Option<string> Url { get; } = new("--url")
    {
        Description = $"Server URL (default: ${ServerConnection.UrlVariable}, else {ServerConnection.DefaultUrl}).",
        HelpName = "URL",
    };

    public Option<string> Token { get; } = new("--token")
    {
        Description = $"API token (default: ${ServerConnection.TokenVariable}).",
        HelpName = "TOKEN",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Url);
        command.Options.Add(Token);
    }

    /// <summary>
    /// Runs <paramref name="action"/> with a client of the server. A refusal prints the problem on stderr and gives
    /// exit code 2 for invalid input (400, 404, 413, 422) and 1 for everything else (401, 403, 409, 5xx, no server).
    /// </summary>
    public async Task<int> RunAsync(ParseResult parseResult, CliContext context, Func<RunbookApiClient, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        var connection = ServerConnection.Resolve(parseResult.GetValue(Url), parseResult.GetValue(Token), context, out var error);
        if (connection is null)
        {
            context.Error.WriteLine($"error: {error}");
            return ExitCodes.InvalidInput;
        }

        using var http = connection.CreateClient();
        try
        {
            return await action(new RunbookApiClient(http));
        }
        catch (ApiProblemException ex)
        {
            ProblemPrinter.Write(context.Error, ex.Status, ex.Problem);
            return ex.Status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity
                ? ExitCodes.InvalidInput
                : ExitCodes.RunFailed;
        }
        catch (HttpRequestException ex)
        {
            context.Error.WriteLine($"error: cannot reach the server at {connection.BaseUrl}: {ex.Message} (is 'runbook serve' running? set --url or {ServerConnection.UrlVariable})");
            return ExitCodes.RunFailed;
        }
        catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
        {
            context.Error.WriteLine($"error: the server at {connection.BaseUrl} did not answer in time");
            return ExitCodes.RunFailed;
        }
    }
}
