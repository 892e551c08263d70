namespace RunbookRunner.Engine.Rehearsal;

/// <summary>Asks the person at the terminal when a rehearsal is not unattended.</summary>
public interface IRehearsalPrompter
{
    /// <summary>Yes or no; null when nobody can answer (no terminal).</summary>
    Task<bool?> ConfirmAsync(string question, CancellationToken cancellationToken = default);

    Task<FailureChoice?> ChooseAsync(string question, CancellationToken cancellationToken = default);
}
