namespace RunbookRunner.TestKit.Fakes.GitHub;

/// <summary>How to run a <see cref="FakeGitHubServer"/>.</summary>
public sealed class FakeGitHubServerOptions
{
    public const string DefaultToken = "ghp_FakeRunbookRunnerToken0123456789abcd";

    /// <summary>Path prefix of the API, e.g. <c>/api/v3</c> to look like GitHub Enterprise Server; empty for github.com.</summary>
    public string PathPrefix { get; init; } = "";

    /// <summary>The token the server accepts (more can be added with <see cref="FakeGitHubState.AddToken"/>).</summary>
    public string Token { get; init; } = DefaultToken;

    /// <summary>Clock for timestamps and rate-limit windows; share the test's fake clock to control resets.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Refuse requests without <c>Accept: application/vnd.github+json</c> and <c>X-GitHub-Api-Version: 2022-11-28</c>.</summary>
    public bool StrictHeaders { get; init; } = true;

    /// <summary>Status of a primary rate-limit answer: 403 (usual) or 429.</summary>
    public int PrimaryRateLimitStatus { get; init; } = 403;
}
