using FluentAssertions;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Model;
using RunbookRunner.Core.Planning;
using Xunit;

namespace RunbookRunner.Core.Tests.Runbooks;

/// <summary>
/// The runbooks shipped in <c>runbooks/</c> (the flagship and one per go-live document) must load without errors,
/// plan in every environment they declare, and refer only to scripts and SQL files that exist.
/// </summary>
public sealed class RunbookFilesTests
{
    /// <summary>launch-day.yaml plus exactly one runbook per go-live document.</summary>
    private static readonly string[] ShippedRunbooks =
    [
        "launch-day.yaml",
        "tutor-marketplace-go-live.yaml",
        "mpanel-production-launch.yaml",
        "heypeter-academy-lms-go-live.yaml",
        "school-whatsapp-messaging-deployment.yaml",
        "reconciliation-platform-go-live.yaml",
    ];

    // Relative paths in shell and sql steps resolve against the runbook's own folder.
    private static readonly string[] LocalPathPrefixes = ["./", "scripts/", "migrations/"];

    private static readonly string[] Environments = ["staging", "production"];

    // A Thursday noon launch in British Summer Time, so T-7d and T+60d cross no clock change but the zone matters.
    private static readonly DateTimeOffset LaunchTime = new(2025, 6, 12, 12, 0, 0, TimeSpan.FromHours(1));

    private static readonly Lazy<string> Folder = new(FindRunbooksFolder);

    public static TheoryData<string> RunbookFiles() => [.. ShippedRunbooks];

    public static TheoryData<string, string> RunbookFilesByEnvironment()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in ShippedRunbooks)
        {
            foreach (var environment in Environments)
            {
                data.Add(file, environment);
            }
        }

        return data;
    }

    [Fact]
    public void RunbooksFolder_Listing_IsLaunchDayPlusOneRunbookPerSeed()
    {
        var files = Directory.EnumerateFiles(Folder.Value)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Select(Path.GetFileName);

        files.Should().BeEquivalentTo(ShippedRunbooks);
    }

    [Theory]
    [MemberData(nameof(RunbookFiles))]
    public void LoadFile_ShippedRunbook_HasNoErrors(string fileName)
    {
        var result = RunbookLoader.LoadFile(Path.Combine(Folder.Value, fileName));

        result.HasErrors.Should().BeFalse("{0} must load cleanly; diagnostics:{1}{2}",
            fileName, Environment.NewLine, string.Join(Environment.NewLine, result.Diagnostics));
        result.Runbook.Should().NotBeNull();
        result.Runbook!.Name.Should().Be(Path.GetFileNameWithoutExtension(fileName), "a runbook's name is its file name");
        result.Runbook.Environments.Keys.Should().Contain(["staging", "production"], "every runbook rehearses on staging first");
    }

    [Theory]
    [MemberData(nameof(RunbookFiles))]
    public void LoadFile_ShippedRunbook_LocalScriptsAndSqlFilesExist(string fileName)
    {
        var runbook = Load(fileName);
        var missing = new List<string>();
        foreach (var (stepId, call) in ActionCalls(runbook))
        {
            foreach (var path in LocalPaths(call))
            {
                var full = Path.GetFullPath(Path.Combine(Folder.Value, path));
                var exists = File.Exists(full) || Directory.Exists(full);
                var executable = !path.EndsWith(".sh", StringComparison.Ordinal) || OperatingSystem.IsWindows()
                    || (File.Exists(full) && File.GetUnixFileMode(full).HasFlag(UnixFileMode.UserExecute));
                if (!exists || !executable)
                {
                    missing.Add($"{stepId}: {path}{(exists ? " is not executable" : " does not exist")}");
                }
            }
        }

        missing.Should().BeEmpty("every script and SQL file a step names ships next to {0}", fileName);
    }

    [Theory]
    [MemberData(nameof(RunbookFilesByEnvironment))]
    public void Plan_ShippedRunbook_EveryStepStartsOnItsAnchorWhenThingsGoAsExpected(string fileName, string environment)
    {
        var runbook = Load(fileName);

        var plan = RunPlanner.Plan(runbook, LaunchTime, environment);

        plan.Steps.Should().HaveCount(runbook.Steps.Count);
        plan.Guards.Should().HaveCount(runbook.Guards.Count);
        plan.Steps.Should().Contain(s => s.Anchor != null && s.Anchor.Value.Offset == TimeSpan.Zero,
            "every runbook anchors its go-live moment at T+0");
        plan.Steps.Where(s => s.IsBehindAnchor).Select(s => $"{s.Id} starts {s.BehindAnchor} after its anchor {s.Anchor}")
            .Should().BeEmpty("the expected schedule of {0} must fit between its anchors", fileName);
        plan.Steps.Where(s => s.Skipped).Select(s => s.Id).Should().BeEquivalentTo(
            runbook.Steps.Where(s => s.Only.Count > 0 && !s.Only.Contains(environment)).Select(s => s.Id),
            "only the steps whose 'only' leaves out {0} are skipped there", environment);
        plan.Rollback.Should().NotBeEmpty("a launch that cannot be undone is not a launch runbook");
    }

    private static Runbook Load(string fileName)
    {
        var result = RunbookLoader.LoadFile(Path.Combine(Folder.Value, fileName));
        result.Runbook.Should().NotBeNull(string.Join(Environment.NewLine, result.Diagnostics));
        return result.Runbook!;
    }

    /// <summary>Every action a run may call: steps, their undos and the rollback list.</summary>
    private static IEnumerable<(string StepId, ActionCall Call)> ActionCalls(Runbook runbook)
    {
        foreach (var step in runbook.Steps.Concat(runbook.Rollback))
        {
            if (step.Action is { } action)
            {
                yield return (step.Id, action);
            }

            if (step.Undo is { } undo)
            {
                yield return (step.Id + " (undo)", undo);
            }
        }
    }

    /// <summary>Paths inside the runbooks folder named by a shell command or a sql step's files.</summary>
    private static IEnumerable<string> LocalPaths(ActionCall call)
    {
        IEnumerable<string> words = call.Type switch
        {
            "shell" when call.With.GetString("run") is { } script => script.Split((char[])[' ', '\n', '\t', '"', '\''], StringSplitOptions.RemoveEmptyEntries),
            "shell" when call.With["argv"] is ListValue argv => argv.Items.OfType<ScalarValue>().Select(s => s.Text),
            "sql" when call.With["files"] is ListValue files => files.Items.OfType<ScalarValue>().Select(s => s.Text),
            _ => [],
        };
        return words.Where(w => LocalPathPrefixes.Any(p => w.StartsWith(p, StringComparison.Ordinal)));
    }

    private static string FindRunbooksFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RunbookRunner.sln")))
            {
                return Path.Combine(dir.FullName, "runbooks");
            }
        }

        throw new DirectoryNotFoundException($"No RunbookRunner.sln above {AppContext.BaseDirectory}; the runbooks folder sits next to it.");
    }
}
