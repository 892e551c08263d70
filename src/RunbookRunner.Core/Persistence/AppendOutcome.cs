namespace RunbookRunner.Core.Persistence;

/// <summary>What an append did.</summary>
public enum AppendOutcome
{
    /// <summary>The batch was committed.</summary>
    Appended,

    /// <summary>The command key was already used: nothing was written (a retried click or request).</summary>
    DuplicateCommand,
}
