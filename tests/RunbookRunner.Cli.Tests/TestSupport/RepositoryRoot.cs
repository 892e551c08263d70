namespace RunbookRunner.Cli.Tests.TestSupport;

/// <summary>Finds the repository's root folder (the one holding RunbookRunner.sln) from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "RunbookRunner.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"RunbookRunner.sln not found above {AppContext.BaseDirectory}.");
    }
}
