using System.Net;
using FluentAssertions;
using RunbookRunner.Contracts.Runs;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Integration.Tests.TestSupport;
using RunbookRunner.TestKit.Fakes.GitHub;

namespace RunbookRunner.Integration.Tests.Operations;

/// <summary>
/// <c>/metrics</c> after a real run (a late timed step, an approval, a shell step, a GitHub check, Slack narration),
/// read with a strict Prometheus text parser: every family an operator alerts on is there, typed, and counted.
/// </summary>
public sealed class MetricsScrapeTests
{
    private const string Runbook = """
        name: metered
        channel: C0METRICS
        roles: { release: [U1] }
        defaults: { retry: { attempts: 1 } }
        steps:
          - id: timed
            at: T+0
            wait: 1s
          - id: go
            approval: { roles: [release], required: 1 }
          - id: build
            action: shell
            with: { run: "echo built" }
          - id: green
            action: github.commit_status
            with: { repo: acme/missing, ref: main }
            on_failure: continue
        """;

    [Fact]
    public async Task Metrics_AfterARun_ExposeEveryOperationalFamilyInPrometheusFormat()
    {
        await using var slack = await OkSlackServer.StartAsync();
        await using var github = await FakeGitHubServer.StartAsync();
        await using var server = await ServerHost.StartAsync(StoreFactory.NewSqlite(), new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-metrics",
            ["Slack:SigningSecret"] = "metrics-signing-secret",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["GitHub:ApiBaseUrl"] = github.BaseUri.ToString(),
            ["GitHub:Token"] = github.Token,
        });
        var ops = server.Client(await server.CreateTokenAsync(TokenRole.Operator, "ops"));
        var approver = server.Client(await server.CreateTokenAsync(TokenRole.Approver, "lead", "U1"));

        // T0 a minute ago: the timed step starts about 60 s behind its plan.
        var run = await RunApi.StartAsync(ops, new StartRunRequest { Yaml = Runbook, T0 = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O") });
        await RunApi.WaitForAsync(ops, run.Id, r => r.Step("go").State == StepStates.AwaitingApproval, "approval open");
        (await RunApi.CommandAsync(approver, run.Id, "steps/go/approve")).Status.Should().Be(HttpStatusCode.OK);
        var done = await RunApi.WaitForAsync(ops, run.Id, r => RunStates.IsTerminal(r.State), "finished");
        using var response = await server.Client().GetAsync("metrics");
        var metrics = PrometheusText.Parse(await response.Content.ReadAsStringAsync());

        done.State.Should().Be(RunStates.Succeeded);
        response.Content.Headers.ContentType!.ToString().Should().StartWith("text/plain; version=0.0.4");
        metrics.Types.Should().Contain(new Dictionary<string, string>
        {
            ["runbook_runs"] = "gauge",
            ["runbook_outbox_pending"] = "gauge",
            ["runbook_outbox_oldest_age_seconds"] = "gauge",
            ["runbook_runs_ended_total"] = "counter",
            ["runbook_steps_started_total"] = "counter",
            ["runbook_external_calls_total"] = "counter",
            ["runbook_scheduler_misfires_total"] = "counter",
            ["runbook_step_duration_seconds"] = "histogram",
            ["runbook_step_lateness_seconds"] = "histogram",
            ["runbook_approval_wait_seconds"] = "histogram",
            ["runbook_command_duration_seconds"] = "histogram",
        });
        metrics.Samples.Where(s => s.Name == "runbook_runs").Select(s => s.Labels["state"]).Should().Contain(["running", "paused", "scheduled"]);
        metrics.Value("runbook_runs_ended_total", "state=succeeded").Should().Be(1);
        metrics.Value("runbook_steps_started_total").Should().BeGreaterThanOrEqualTo(3);
        metrics.Value("runbook_step_duration_seconds_count", "outcome=succeeded").Should().BeGreaterThanOrEqualTo(2, "the wait and the shell step");
        metrics.Value("runbook_step_duration_seconds_count", "outcome=failed").Should().Be(1, "the GitHub check of a missing repository");
        metrics.Value("runbook_step_lateness_seconds_count").Should().Be(1);
        metrics.Value("runbook_step_lateness_seconds_sum").Should().BeInRange(50, 120);
        metrics.Value("runbook_approval_wait_seconds_count", "decision=granted").Should().Be(1);
        metrics.Sum("runbook_external_calls_total", "service=github").Should().BeGreaterThanOrEqualTo(1);
        metrics.Value("runbook_external_calls_total", "service=github", "outcome=client_error").Should().BeGreaterThanOrEqualTo(1, "the repository does not exist (404)");
        metrics.Value("runbook_external_calls_total", "service=slack", "outcome=ok").Should().BeGreaterThanOrEqualTo(1, "narration reached Slack");
        metrics.Value("runbook_scheduler_misfires_total").Should().Be(0);
        metrics.Value("runbook_command_duration_seconds_count").Should().BeGreaterThanOrEqualTo(1);
    }
}
