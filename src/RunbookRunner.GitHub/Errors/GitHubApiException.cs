using System.Net;
using System.Text;
using RunbookRunner.GitHub.Http;

namespace RunbookRunner.GitHub.Errors;

/// <summary>A GitHub request failed. Subclasses name the common cases; <see cref="IsRetryable"/> says whether trying later may help.</summary>
public class GitHubApiException : Exception
{
    public GitHubApiException(GitHubErrorInfo info, Exception? innerException = null)
        : this(info, hint: null, innerException)
    {
    }

    protected GitHubApiException(GitHubErrorInfo info, string? hint, Exception? innerException)
        : base(Describe(info, hint), innerException)
    {
        Info = info;
    }

    public GitHubErrorInfo Info { get; }

    public HttpStatusCode? StatusCode => Info.StatusCode;

    /// <summary>GitHub's own <c>message</c>.</summary>
    public string? GitHubMessage => Info.Message;

    public string? DocumentationUrl => Info.DocumentationUrl;

    public IReadOnlyList<GitHubError> Errors => Info.Errors;

    public GitHubRateLimit? RateLimit => Info.RateLimit;

    /// <summary>How long to wait before trying again, when GitHub or the client knows.</summary>
    public virtual TimeSpan? RetryAfter => Info.RetryAfter;

    /// <summary>Whether the same request may succeed later (server errors, network failures, rate limits).</summary>
    public virtual bool IsRetryable => false;

    private static string Describe(GitHubErrorInfo info, string? hint)
    {
        var text = new StringBuilder("GitHub ");
        if (info.Method is not null && info.RequestUri is not null)
        {
            text.Append(info.Method.Method).Append(' ').Append(info.RequestUri.AbsolutePath).Append(' ');
        }

        text.Append("failed");
        if (info.StatusCode is { } status)
        {
            text.Append(" with ").Append((int)status).Append(' ').Append(status);
        }

        if (!string.IsNullOrWhiteSpace(info.Message))
        {
            text.Append(": ").Append(info.Message.Trim());
        }

        if (info.Errors.Count > 0)
        {
            text.Append(" [").AppendJoin("; ", info.Errors).Append(']');
        }

        text.Append('.');
        if (hint is not null)
        {
            text.Append(' ').Append(hint);
        }

        if (info.DocumentationUrl is not null)
        {
            text.Append(" See ").Append(info.DocumentationUrl);
        }

        return text.ToString();
    }
}
