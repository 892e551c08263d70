namespace RunbookRunner.Actions.Http;

/// <summary>Names of the <see cref="System.Net.Http.IHttpClientFactory"/> clients the actions use.</summary>
public static class HttpClientNames
{
    /// <summary>Plain client for <c>http</c>, <c>http.check</c>, <c>http.wait</c>: no timeout of its own (the step timeout rules).</summary>
    public const string Probe = "RunbookRunner.Actions.Http";

    public const string Cloudflare = "RunbookRunner.Actions.Cloudflare";

    public const string Slack = "RunbookRunner.Actions.Slack";
}
