namespace RunbookRunner.Cli.Output.Json;

/// <summary>One rollback entry: <see cref="Source"/> is <c>undo</c> (the undo of step <see cref="Id"/>) or <c>rollback</c>.</summary>
internal sealed record RollbackEntryDocument(string Id, string Source, string Kind, string? Action);
