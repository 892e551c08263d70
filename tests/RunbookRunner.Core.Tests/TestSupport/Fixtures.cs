namespace RunbookRunner.Core.Tests.TestSupport;

/// <summary>Runbook texts used by several tests.</summary>
internal static class Fixtures
{
    /// <summary>The example of the design document: every feature of the language in one runbook.</summary>
    public static string LaunchDay { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestSupport", "LaunchDay.yaml"));
}
