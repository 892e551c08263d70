namespace RunbookRunner.Actions.Tests.TestSupport;

/// <summary>Hands out plain clients; the DI-wired factory is covered by the registration tests.</summary>
internal sealed class SimpleHttpClientFactory : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new() { Timeout = Timeout.InfiniteTimeSpan };
}
