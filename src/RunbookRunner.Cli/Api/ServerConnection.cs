using System.Net.Http.Headers;
using RunbookRunner.Contracts;

namespace RunbookRunner.Cli.Api;

/// <summary>Where the server is and how to authenticate: <c>--url</c>/<c>--token</c>, else <c>RUNBOOK_URL</c>/<c>RUNBOOK_TOKEN</c>.</summary>
internal sealed record ServerConnection(Uri BaseUrl, string? Token)
{
    public const string UrlVariable = "RUNBOOK_URL";
    public const string TokenVariable = "RUNBOOK_TOKEN";
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Resolves the connection; on failure <paramref name="error"/> says what to fix.</summary>
    public static ServerConnection? Resolve(string? url, string? token, CliContext context, out string? error)
    {
        error = null;
        var text = url ?? context.GetEnvironmentVariable(UrlVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            text = DefaultUrl;
        }

        if (!Uri.TryCreate(text.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            error = $"server URL '{text}' is not an http(s) URL; pass --url http://host:5080 or set {UrlVariable}";
            return null;
        }

        var secret = token ?? context.GetEnvironmentVariable(TokenVariable);
        return new ServerConnection(uri, string.IsNullOrWhiteSpace(secret) ? null : secret.Trim());
    }

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(100) };
        if (Token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        client.DefaultRequestHeaders.Add(ApiHeaders.Source, "cli");
        client.DefaultRequestHeaders.UserAgent.ParseAdd("runbook-cli/" + (typeof(ServerConnection).Assembly.GetName().Version?.ToString(3) ?? "0"));
        return client;
    }
}
