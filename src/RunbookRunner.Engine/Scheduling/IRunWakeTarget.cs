namespace RunbookRunner.Engine.Scheduling;

/// <summary>What a fired wake calls: the engine.</summary>
public interface IRunWakeTarget
{
    Task WakeAsync(string runId, CancellationToken cancellationToken = default);
}
