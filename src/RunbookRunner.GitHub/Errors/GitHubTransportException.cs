namespace RunbookRunner.GitHub.Errors;

/// <summary>No HTTP response: connection refused or reset, DNS failure, TLS failure or timeout.</summary>
public sealed class GitHubTransportException(GitHubErrorInfo info, Exception innerException)
    : GitHubApiException(info, "Check GitHub:ApiBaseUrl and the network path to it.", innerException)
{
    public override bool IsRetryable => true;
}
