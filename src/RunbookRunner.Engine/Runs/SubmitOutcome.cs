namespace RunbookRunner.Engine.Runs;

/// <summary>See <see cref="SubmitResult"/>.</summary>
public enum SubmitOutcome
{
    Applied,
    Duplicate,
    Rejected,
}
