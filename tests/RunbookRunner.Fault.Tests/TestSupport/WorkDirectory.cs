namespace RunbookRunner.Fault.Tests.TestSupport;

/// <summary>A temporary folder for a scenario's store, ledger and node logs; kept when the scenario fails.</summary>
internal sealed class WorkDirectory : IDisposable
{
    public WorkDirectory(string prefix) => Path = Directory.CreateTempSubdirectory($"rbk-fault-{prefix}-").FullName;

    public string Path { get; }

    /// <summary>Set by a test once it passed, so the folder is removed; a failed scenario leaves its logs behind.</summary>
    public bool Passed { get; set; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (!Passed)
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp; a held file must not hide the test's outcome.
        }
    }
}
