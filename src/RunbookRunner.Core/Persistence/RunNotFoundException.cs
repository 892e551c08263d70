namespace RunbookRunner.Core.Persistence;

/// <summary>A write named a run that does not exist.</summary>
public sealed class RunNotFoundException : StorageException
{
    public RunNotFoundException(string runId)
        : base($"Run '{runId}' does not exist.") => RunId = runId;

    public string RunId { get; }

    public override bool IsTransient => false;
}
