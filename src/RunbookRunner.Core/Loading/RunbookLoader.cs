using RunbookRunner.Core.Model;
using RunbookRunner.Core.Validation;

namespace RunbookRunner.Core.Loading;

/// <summary>
/// Loads runbooks: parses YAML, builds the immutable model and validates it, reporting every problem at once as
/// diagnostics. Never throws on any input text.
/// </summary>
public static class RunbookLoader
{
    /// <summary>Parses, builds and validates a runbook; <paramref name="path"/> is used in diagnostics.</summary>
    public static LoadResult Load(string yamlText, string path)
    {
        var bag = new DiagnosticBag();
        path ??= string.Empty;
        if (yamlText is null)
        {
            bag.Error(DiagnosticCodes.FileUnreadable, new SourceLocation(path, 1, 1), "no runbook text was given");
            return new LoadResult(null, bag.Sorted());
        }

        try
        {
            var tree = YamlTreeReader.Read(yamlText, path, bag);
            if (bag.HasErrors && tree.Root is null)
            {
                return new LoadResult(null, bag.Sorted());
            }

            var bound = RunbookBinder.Bind(tree, path, bag);
            if (bound is null)
            {
                return new LoadResult(null, bag.Sorted());
            }

            RunbookValidator.Validate(bound, tree, bag);
            return new LoadResult(bound.Runbook, bag.Sorted());
        }
#pragma warning disable CA1031 // Reason: the loader's contract is to never throw; a bug becomes a visible RB999 diagnostic that tests look for.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            bag.Error(DiagnosticCodes.InternalError, new SourceLocation(path, 1, 1), $"internal error while loading: {ex.GetType().Name}: {ex.Message}");
            return new LoadResult(null, bag.Sorted());
        }
    }

    /// <summary>Reads and loads a file; a missing or unreadable file is an RB000 diagnostic, not an exception.</summary>
    public static LoadResult LoadFile(string path)
    {
        var bag = new DiagnosticBag();
        var location = new SourceLocation(path ?? string.Empty, 1, 1);
        try
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                bag.Error(DiagnosticCodes.FileUnreadable, location, "no file name was given");
                return new LoadResult(null, bag.Sorted());
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                bag.Error(DiagnosticCodes.FileUnreadable, location,
                    Directory.Exists(path) ? "this is a folder; give a runbook file (.yaml)" : "the file does not exist");
                return new LoadResult(null, bag.Sorted());
            }

            // Reject before reading: UTF-8 needs at least one byte per character.
            if (info.Length > LoaderLimits.MaxChars * 4L)
            {
                bag.Error(DiagnosticCodes.TooLarge, location, $"the file has {info.Length} bytes; runbooks are limited to {LoaderLimits.MaxChars} characters");
                return new LoadResult(null, bag.Sorted());
            }

            return Load(File.ReadAllText(path), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            bag.Error(DiagnosticCodes.FileUnreadable, location, $"the file cannot be read: {ex.Message}");
            return new LoadResult(null, bag.Sorted());
        }
    }

    /// <summary>
    /// The runbook files named by <paramref name="filesOrFolders"/>: files as given, folders searched recursively for
    /// <c>*.yaml</c> and <c>*.yml</c> (sorted). Names that do not exist are kept so loading reports them.
    /// </summary>
    public static IReadOnlyList<string> FindRunbookFiles(IEnumerable<string> filesOrFolders)
    {
        ArgumentNullException.ThrowIfNull(filesOrFolders);
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in filesOrFolders)
        {
            if (string.IsNullOrWhiteSpace(item))
            {
                continue;
            }

            if (Directory.Exists(item))
            {
                var found = Directory.EnumerateFiles(item, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var file in found)
                {
                    if (seen.Add(file))
                    {
                        result.Add(file);
                    }
                }
            }
            else if (seen.Add(item))
            {
                result.Add(item);
            }
        }

        return result;
    }
}
