using System.Text.Json;
using FluentAssertions;
using RunbookRunner.Cli.Tests.TestSupport;

namespace RunbookRunner.Cli.Tests;

public sealed class PlanCommandTests : IDisposable
{
    private const string T0 = "2026-06-01T12:00:00+01:00";
    private readonly TempFolder _folder = new();
    private readonly string _mini;

    public PlanCommandTests() => _mini = _folder.Write("mini.yaml", Runbooks.Mini);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Plan_Text_PrintsTheTimelineAsAnAlignedTable()
    {
        var result = await CliRunner.RunAsync("plan", _mini, "--t0", T0, "--env", "production");

        result.ExitCode.Should().Be(0, result.Error);
        var lines = result.Out.Split('\n');
        var header = lines.Single(l => l.Contains("T-OFFSET", StringComparison.Ordinal));
        var stepColumn = header.IndexOf("STEP", StringComparison.Ordinal);
        var rows = lines.SkipWhile(l => l != header).Skip(1).TakeWhile(l => l.Length > 0).ToList();

        rows.Select(r => r[stepColumn..].Split(' ')[0]).Should().Equal("go", "soak", "deploy", "check-web", "check-api", "announce");
        rows[0].Should().Contain("T-1h").And.Contain("Mon 01 Jun 11:00 BST").And.Contain("approval");
        rows[1].Should().Contain("wait 20m").And.Contain("go");
        rows[2].Should().StartWith("*").And.Contain("T+0").And.Contain("Mon 01 Jun 12:00 BST").And.Contain("action shell");
        rows[3].Should().Contain("P1").And.NotStartWith("*");
        rows[4].Should().Contain("P1").And.StartWith("*");
        rows[5].Should().Contain("check-web,check-api");
        result.Out.Should().Contain("Critical path: deploy -> check-api -> announce");
        result.Out.Should().Contain("status-page");
        result.Out.Should().Contain("errors").And.Contain("T+1h (Mon 01 Jun 13:00 BST)");
    }

    [Fact]
    public async Task Plan_T0AcrossLondonSpringForward_ShowsClockTimesInGmtThenBst()
    {
        // London moves from 01:00 GMT to 02:00 BST on 29 March 2026; T0 is 10:00 BST (09:00Z).
        var file = _folder.Write("dst.yaml", """
            name: dst
            timezone: Europe/London
            defaults: { timeout: 10m }
            steps:
              - id: before
                at: T-9h
                wait: 1m
              - id: after-change
                at: T-7h
                wait: 1m
              - id: launch
                at: T+0
                after: [after-change]
                wait: 1m
            """);

        var text = await CliRunner.RunAsync("plan", file, "--t0", "2026-03-29T10:00:00+01:00");
        var json = await CliRunner.RunAsync("plan", file, "--t0", "2026-03-29T10:00:00+01:00", "--format", "json");

        text.ExitCode.Should().Be(0, text.Error);
        var lines = text.Out.Split('\n');
        var header = lines.Single(l => l.Contains("T-OFFSET", StringComparison.Ordinal));
        string[] columns = ["T-OFFSET", "CLOCK", "STEP", "KIND", "DEPENDS ON"];
        columns.Select(c => header.IndexOf(c, StringComparison.Ordinal)).Should().BeInAscendingOrder().And.NotContain(-1);
        var rows = lines.SkipWhile(l => l != header).Skip(1).TakeWhile(l => l.Length > 0).ToList();
        var stepColumn = header.IndexOf("STEP", StringComparison.Ordinal);
        string Row(string id) => rows.Single(r => r[stepColumn..].Split(' ')[0] == id);
        Row("before").Should().Contain("T-9h").And.Contain("Sun 29 Mar 00:00 GMT");
        Row("after-change").Should().Contain("T-7h").And.Contain("Sun 29 Mar 03:00 BST");
        Row("launch").Should().Contain("Sun 29 Mar 10:00 BST").And.Contain("after-change");

        json.ExitCode.Should().Be(0, json.Error);
        using var document = JsonDocument.Parse(json.Out);
        var steps = document.RootElement.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        steps["before"].GetProperty("plannedStart").GetString().Should().Be("2026-03-29T00:00:00Z");
        steps["before"].GetProperty("clockTime").GetString().Should().Be("2026-03-29T00:00:00+00:00");
        steps["after-change"].GetProperty("plannedStart").GetString().Should().Be("2026-03-29T02:00:00Z");
        steps["after-change"].GetProperty("clockTime").GetString().Should().Be("2026-03-29T03:00:00+01:00");
        steps["launch"].GetProperty("tOffset").GetString().Should().Be("T+0");
    }

    [Fact]
    public async Task Plan_Json_FollowsTheContract()
    {
        var result = await CliRunner.RunAsync("plan", _mini, "--t0", T0, "--env", "production", "--format", "json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        root.GetProperty("runbook").GetString().Should().Be("mini");
        root.GetProperty("t0").GetString().Should().Be("2026-06-01T11:00:00Z");
        root.GetProperty("timezone").GetString().Should().Be("Europe/London");
        root.GetProperty("environment").GetString().Should().Be("production");
        root.GetProperty("criticalPath").EnumerateArray().Select(e => e.GetString()).Should().Equal("deploy", "check-api", "announce");

        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => s.GetProperty("id").GetString()).Should().Equal("go", "soak", "deploy", "check-web", "check-api", "announce");
        var go = steps[0];
        go.GetProperty("kind").GetString().Should().Be("approval");
        go.GetProperty("plannedStart").GetString().Should().Be("2026-06-01T10:00:00Z");
        go.GetProperty("plannedFinishLatest").GetString().Should().Be("2026-06-01T10:30:00Z");
        go.GetProperty("tOffset").GetString().Should().Be("T-1h");
        go.GetProperty("clockTime").GetString().Should().Be("2026-06-01T11:00:00+01:00");
        go.GetProperty("after").GetArrayLength().Should().Be(0);
        go.GetProperty("critical").GetBoolean().Should().BeFalse();

        var announce = steps[5];
        announce.GetProperty("kind").GetString().Should().Be("action");
        announce.GetProperty("after").EnumerateArray().Select(e => e.GetString()).Should().Equal("check-web", "check-api");
        announce.GetProperty("critical").GetBoolean().Should().BeTrue();
        announce.GetProperty("plannedFinishLatest").GetString().Should().Be("2026-06-01T11:30:00Z");

        var rollback = root.GetProperty("rollback").EnumerateArray().Single();
        rollback.GetProperty("id").GetString().Should().Be("status-page");
        rollback.GetProperty("source").GetString().Should().Be("rollback");

        var guard = root.GetProperty("guards").EnumerateArray().Single();
        guard.GetProperty("id").GetString().Should().Be("errors");
        guard.GetProperty("activeFrom").GetString().Should().Be("2026-06-01T11:00:00Z");
        guard.GetProperty("activeUntil").GetString().Should().Be("2026-06-01T12:00:00Z");
    }

    [Fact]
    public async Task Plan_Staging_MarksProductionOnlyStepSkipped()
    {
        var result = await CliRunner.RunAsync("plan", _mini, "--t0", T0, "--env", "staging", "--format", "json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var checkApi = json.RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "check-api");
        checkApi.GetProperty("skipped").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("criticalPath").EnumerateArray().Select(e => e.GetString()).Should().Equal("deploy", "check-web", "announce");
    }

    [Fact]
    public async Task Plan_T0WithoutOffset_IsReadInTheRunbookTimeZone()
    {
        var result = await CliRunner.RunAsync("plan", _mini, "--t0", "2026-06-01T12:00", "--format", "json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("t0").GetString().Should().Be("2026-06-01T11:00:00Z");
        json.RootElement.GetProperty("environment").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Plan_T0Now_UsesTheClock()
    {
        var result = await CliRunner.RunAsync("plan", _mini, "--t0", "now", "--format", "json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("t0").GetString().Should().Be("2026-06-01T08:00:00Z");
    }

    [Fact]
    public async Task Plan_InvalidRunbook_PrintsDiagnosticsAndExitsTwo()
    {
        var broken = _folder.Write("broken.yaml", Runbooks.Broken);

        var result = await CliRunner.RunAsync("plan", broken, "--t0", T0);

        result.ExitCode.Should().Be(2);
        result.Out.Should().BeEmpty();
        result.Error.Should().Contain($"{broken}:8:5: error RB010");
    }

    [Fact]
    public async Task Plan_BadT0_ExitsTwoSayingWhatToWrite()
    {
        var result = await CliRunner.RunAsync("plan", _mini, "--t0", "tomorrow morning");

        result.ExitCode.Should().Be(2);
        result.Out.Should().BeEmpty();
        result.Error.Should().Contain("--t0").And.Contain("ISO-8601").And.Contain("2026-06-01T09:00:00Z");
    }

    [Fact]
    public async Task Plan_MissingT0_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("plan", _mini);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--t0");
    }

    [Fact]
    public async Task Plan_UnknownEnvironment_ExitsTwoListingTheKnownOnes()
    {
        var result = await CliRunner.RunAsync("plan", _mini, "--t0", T0, "--env", "prod");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("'prod'").And.Contain("staging, production");
    }
}
