namespace RunbookRunner.Actions.Parameters;

/// <summary>
/// A step's parameters have the wrong shape or value at run time (after substitution). Never retryable:
/// the runbook must be fixed.
/// </summary>
public sealed class ActionParameterException : Exception
{
    public ActionParameterException(string message)
        : base(message)
    {
    }
}
