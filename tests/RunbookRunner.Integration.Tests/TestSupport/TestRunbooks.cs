namespace RunbookRunner.Integration.Tests.TestSupport;

/// <summary>Runbooks the integration tests run.</summary>
internal static class TestRunbooks
{
    /// <summary>
    /// A short run with a wait, a 2-of-3 approval that forbids self-approval, a manual task for one person, a
    /// shell step that fails (pausing the run) until <paramref name="marker"/> exists, and a final wait.
    /// </summary>
    public static string Flow(string marker) => FlowTemplate.Replace("MARKER", marker, StringComparison.Ordinal);

    private const string FlowTemplate = """
        name: api-flow
        title: API flow
        roles:
          release: [U1, U2, U3]
          ops: [U9]
        defaults: { on_failure: pause }
        steps:
          - id: settle
            wait: 1s
          - id: go-no-go
            approval: { roles: [release], required: 2, forbid_self: true }
          - id: briefing
            manual: { title: Team briefed, roles: [ops] }
          - id: flaky
            action: shell
            with: { run: "test -f 'MARKER'" }
          - id: finish
            wait: 1s
        """;

    /// <summary>One approval, nothing else: a run that stays open until someone decides.</summary>
    public const string Gate = """
        name: gate
        roles:
          release: [U1, U2]
        steps:
          - id: go
            approval: { roles: [release], required: 1 }
          - id: after
            wait: 1s
        """;
}
