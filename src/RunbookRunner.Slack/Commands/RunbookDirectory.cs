using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using RunbookRunner.Core.Loading;
using RunbookRunner.Slack.WarRoom;

namespace RunbookRunner.Slack.Commands;

/// <summary>
/// The runbooks folder (<c>Runbook:RunbooksPath</c>) as <c>/runbook start NAME</c> sees it: a runbook is found by
/// its file name without extension or by its <c>name:</c>. Names are checked before they touch the file system.
/// </summary>
public sealed partial class RunbookDirectory
{
    public RunbookDirectory(IOptions<SlackWarRoomOptions> options, string? contentRoot = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Folder = Path.GetFullPath(options.Value.RunbooksPath, contentRoot ?? Directory.GetCurrentDirectory());
    }

    /// <summary>The folder, as an absolute path.</summary>
    public string Folder { get; }

    /// <summary>Runbook files in the folder and below, sorted.</summary>
    public IReadOnlyList<string> Files() => Directory.Exists(Folder) ? RunbookLoader.FindRunbookFiles([Folder]) : [];

    /// <summary>The names people can start (file names without extension).</summary>
    public IReadOnlyList<string> Names() => [.. Files().Select(Path.GetFileNameWithoutExtension).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>The file of runbook <paramref name="name"/>, or null when there is none (or the name is not a plain name).</summary>
    public string? Find(string name)
    {
        if (string.IsNullOrEmpty(name) || !SafeName().IsMatch(name))
        {
            return null;
        }

        var files = Files();
        return files.FirstOrDefault(f => string.Equals(Path.GetFileNameWithoutExtension(f), name, StringComparison.Ordinal))
            ?? files.FirstOrDefault(f => RunbookLoader.LoadFile(f).Runbook?.Name == name);
    }

    /// <summary>A file's path relative to the folder, for diagnostics (no server paths in Slack).</summary>
    public string Relative(string file) => Path.GetRelativePath(Folder, file);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex SafeName();
}
