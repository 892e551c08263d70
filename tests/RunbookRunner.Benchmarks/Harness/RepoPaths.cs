namespace RunbookRunner.Benchmarks.Harness;

/// <summary>Where the repository and the built CLI are.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The CLI built in the same configuration as the harness (the project reference builds it first).</summary>
    public static string CliDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
            var path = Path.Combine(Root, "src", "RunbookRunner.Cli", "bin", configuration, "net10.0", "runbook.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The CLI is not built at {path}: run `dotnet build src/RunbookRunner.Cli -c {configuration}` first.");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RunbookRunner.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the harness from inside the repository (RunbookRunner.sln not found above the binaries).");
    }
}
