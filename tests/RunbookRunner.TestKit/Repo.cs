namespace RunbookRunner.TestKit;

/// <summary>Finds files of the repository the tests run from.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "RunbookRunner.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RunbookRunner.sln not found above " + AppContext.BaseDirectory);
    }
}
