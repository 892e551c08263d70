using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using RunbookRunner.Core.Loading;
using RunbookRunner.Server.Configuration;

namespace RunbookRunner.Server.Runbooks;

/// <summary>
/// The runbooks folder (<c>Runbook__RunbooksPath</c>): lists its files and finds one by name, either its file name
/// without extension or its <c>name:</c>. Names never reach the file system unchecked.
/// </summary>
public sealed partial class RunbookCatalog(IOptions<ServerOptions> options, IHostEnvironment environment)
{
    /// <summary>The folder as an absolute path.</summary>
    public string Folder { get; } = Path.GetFullPath(options.Value.RunbooksPath, environment.ContentRootPath);

    /// <summary>Every runbook file in the folder (and below), sorted.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.Exists(Folder) ? RunbookLoader.FindRunbookFiles([Folder]) : [];

    /// <summary>The file of runbook <paramref name="name"/>, or null.</summary>
    public string? Find(string name)
    {
        if (!SafeName().IsMatch(name ?? ""))
        {
            return null;
        }

        var files = Files();
        var byFile = files.FirstOrDefault(f => string.Equals(Path.GetFileNameWithoutExtension(f), name, StringComparison.Ordinal));
        return byFile ?? files.FirstOrDefault(f => RunbookLoader.LoadFile(f).Runbook?.Name == name);
    }

    /// <summary>Loads a file of the folder; diagnostics name it relative to the folder.</summary>
    public async Task<(string Text, LoadResult Result)> LoadAsync(string file, CancellationToken cancellationToken = default)
    {
        var text = await File.ReadAllTextAsync(file, cancellationToken);
        return (text, RunbookLoader.Load(text, Relative(file)));
    }

    public static string NameOf(string file) => Path.GetFileNameWithoutExtension(file);

    /// <summary>A path relative to the folder, for diagnostics and listings (no server paths leak out).</summary>
    public string Relative(string file) => Path.GetRelativePath(Folder, file);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex SafeName();
}
