using FluentAssertions;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Tests.TestSupport;

namespace RunbookRunner.Core.Tests.Loading;

public class RunbookLoaderTests
{
    [Fact]
    public void Load_DesignExample_HasNoErrors()
    {
        var result = RunbookLoader.Load(Fixtures.LaunchDay, "launch-day.yaml");

        result.Errors.Should().BeEmpty(string.Join("\n", result.Diagnostics));
        result.Runbook.Should().NotBeNull();
        result.Runbook!.Name.Should().Be("launch-day");
        result.Runbook.Steps.Should().HaveCount(10);
    }
}
