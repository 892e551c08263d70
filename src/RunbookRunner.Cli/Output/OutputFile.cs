namespace RunbookRunner.Cli.Output;

/// <summary>Writes a generated file (schema, scaffolded runbook, calendar), reporting failures as invalid input.</summary>
internal static class OutputFile
{
    public static int Write(string path, string text, TextWriter stderr, bool overwrite = true)
    {
        try
        {
            if (!overwrite && File.Exists(path))
            {
                stderr.WriteLine($"error: {path} already exists; pass --force to overwrite it, or choose another --output");
                return ExitCodes.InvalidInput;
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            File.WriteAllText(path, text);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"error: cannot write {path}: {e.Message}");
            return ExitCodes.InvalidInput;
        }
    }
}
