namespace RunbookRunner.Core.Persistence;

/// <summary>A run was created with an id that is already taken (ids are generated, so this is a bug or a replay).</summary>
public sealed class RunAlreadyExistsException : StorageException
{
    public RunAlreadyExistsException(string runId)
        : base($"Run '{runId}' already exists; generate a new id with {nameof(SortableId)}.{nameof(SortableId.New)}.") => RunId = runId;

    public string RunId { get; }

    public override bool IsTransient => false;
}
