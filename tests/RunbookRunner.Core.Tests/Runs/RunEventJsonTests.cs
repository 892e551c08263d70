using FluentAssertions;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Runs.Events;
using Xunit;

namespace RunbookRunner.Core.Tests.Runs;

public class RunEventJsonTests
{
    public static TheoryData<RunEvent> Events() => new()
    {
        new RunCreated("launch-day", DateTimeOffset.Parse("2026-12-01T12:00:00Z"), "production", "U1", true) { At = DateTimeOffset.Parse("2026-12-01T04:00:00Z") },
        new StepSucceeded("backup", 2, "12 MB", new Dictionary<string, string> { ["size_bytes"] = "12000000" }),
        new StepFailed("smoke", 1, "503", DateTimeOffset.Parse("2026-12-01T04:01:00Z"), Tolerated: true),
        new ApprovalTimedOut("go", TimeoutPolicy.Rollback),
        new ApprovalRequested("go", ["U1", "U2"], 2, null, null) { Quotas = [new RoleQuota("leads", 1, ["U1", "U2"]), new RoleQuota("product", 1, ["U2"])] },
        new GatesEvaluated("go", [new GateResult("github.open_issues", true, "0 open")]),
        new CompensationPlanned([new CompensationItem(0, "maint", false)]),
        new RunSucceeded(),
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Serialize_ThenDeserialize_RoundTrips(RunEvent e)
    {
        var json = RunEventJson.Serialize(e);

        var back = RunEventJson.Deserialize(e.TypeName, json);

        back.Should().BeEquivalentTo(e, o => o.RespectingRuntimeTypes());
        back.GetType().Should().Be(e.GetType());
    }

    [Fact]
    public void Deserialize_UnknownType_FailsClearly()
    {
        var act = () => RunEventJson.Deserialize("NoSuchEvent", "{}");

        act.Should().Throw<System.Text.Json.JsonException>().WithMessage("*NoSuchEvent*");
    }
}
