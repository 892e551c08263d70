using System.Reflection;
using FluentAssertions;
using RunbookRunner.Cli.Tests.TestSupport;

namespace RunbookRunner.Cli.Tests;

/// <summary>The CLI ships as a .NET tool: pack it, install it into a tool path, run it.</summary>
public sealed class ToolPackageTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task PackAndInstall_AsDotnetTool_RunsVersion()
    {
        using var folder = new TempFolder();
        var feed = Path.Combine(folder.Path, "feed");
        var tools = Path.Combine(folder.Path, "tools");
        var configuration = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var version = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        var project = Path.Combine(RepositoryRoot.Path, "src", "RunbookRunner.Cli", "RunbookRunner.Cli.csproj");

        // The test build already compiled the CLI in this configuration; packing reuses that output.
        var pack = await ProcessRunner.RunAsync("dotnet", ["pack", project, "-c", configuration, "--no-build", "-o", feed], null, Limit);
        pack.ExitCode.Should().Be(0, pack.Out + pack.Error);
        File.Exists(Path.Combine(feed, $"RunbookRunner.Cli.{version}.nupkg")).Should().BeTrue();

        // Only the local feed, and a private package cache so an older package of the same version is never used.
        var config = folder.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(folder.Path, "packages") };
        var install = await ProcessRunner.RunAsync(
            "dotnet",
            ["tool", "install", "RunbookRunner.Cli", "--tool-path", tools, "--configfile", config, "--version", version],
            environment,
            Limit);
        install.ExitCode.Should().Be(0, install.Out + install.Error);

        var run = await ProcessRunner.RunAsync(Path.Combine(tools, "runbook"), ["--version"], null, Limit);
        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Trim().Should().Be(version);
    }
}
