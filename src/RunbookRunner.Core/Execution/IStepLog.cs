namespace RunbookRunner.Core.Execution;

/// <summary>Receives an action's log lines as they happen. Implementations redact secrets and cap volume.</summary>
public interface IStepLog
{
    void Write(string line);
}
