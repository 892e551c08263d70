using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using RunbookRunner.Storage;

namespace RunbookRunner.Server.Configuration;

/// <summary>Checks <see cref="ServerOptions"/> at start-up and reports every problem at once.</summary>
public sealed partial class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var prefix = ServerOptions.Section + "__";
        if (string.IsNullOrWhiteSpace(options.Store))
        {
            failures.Add($"{prefix}{nameof(ServerOptions.Store)} is empty; set it to 'sqlite:./runbook-runner.db' or 'postgres:Host=...'.");
        }
        else
        {
            try
            {
                StoreConnection.Parse(options.Store);
            }
            catch (FormatException ex)
            {
                failures.Add($"{prefix}{nameof(ServerOptions.Store)}: {ex.Message}");
            }
        }

        if (options.PublicUrl is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{prefix}{nameof(ServerOptions.PublicUrl)} '{url}' is not an absolute http(s) URL; write e.g. https://runbooks.example.com.");
        }

        if (string.IsNullOrWhiteSpace(options.RunbooksPath))
        {
            failures.Add($"{prefix}{nameof(ServerOptions.RunbooksPath)} is empty; the default is 'runbooks/'.");
        }

        if (string.IsNullOrWhiteSpace(options.NodeId) || !NodeIdPattern().IsMatch(options.NodeId))
        {
            failures.Add($"{prefix}{nameof(ServerOptions.NodeId)} '{options.NodeId}' must be 1 to 100 letters, digits, '.', '_' or '-', and distinct per node.");
        }

        if (!Enum.IsDefined(options.Wakes))
        {
            failures.Add($"{prefix}{nameof(ServerOptions.Wakes)} must be Quartz or Timers.");
        }

        if (options.MaxRequestBodyBytes < 64 * 1024)
        {
            failures.Add($"{prefix}{nameof(ServerOptions.MaxRequestBodyBytes)} {options.MaxRequestBodyBytes} is too small; runbooks need at least 65536.");
        }

        if (options.StartupTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}{nameof(ServerOptions.StartupTimeout)} must be positive.");
        }

        if (options.EventStreamHeartbeat <= TimeSpan.Zero || options.EventStreamPoll <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}{nameof(ServerOptions.EventStreamHeartbeat)} and {prefix}{nameof(ServerOptions.EventStreamPoll)} must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex NodeIdPattern();
}
