using RunbookRunner.Engine.Rehearsal;

namespace RunbookRunner.Cli.Rehearsal;

/// <summary>Asks the person at the terminal; answers nothing when there is no terminal.</summary>
internal sealed class TerminalPrompter(TextReader? input, TextWriter output) : IRehearsalPrompter
{
    public async Task<bool?> ConfirmAsync(string question, CancellationToken cancellationToken = default)
    {
        var answer = await AskAsync($"{question} [y/n] ", cancellationToken).ConfigureAwait(false);
        return answer switch
        {
            null => null,
            "y" or "yes" => true,
            _ => false,
        };
    }

    public async Task<FailureChoice?> ChooseAsync(string question, CancellationToken cancellationToken = default)
    {
        var answer = await AskAsync($"{question} [r]etry/[s]kip/roll[b]ack/[a]bort ", cancellationToken).ConfigureAwait(false);
        return answer switch
        {
            "r" or "retry" => FailureChoice.Retry,
            "s" or "skip" => FailureChoice.Skip,
            "b" or "rollback" => FailureChoice.Rollback,
            "a" or "abort" => FailureChoice.Abort,
            _ => null,
        };
    }

    private async Task<string?> AskAsync(string prompt, CancellationToken cancellationToken)
    {
        if (input is null)
        {
            return null;
        }

        await output.WriteAsync(prompt.AsMemory(), cancellationToken).ConfigureAwait(false);
        var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        return line?.Trim().ToLowerInvariant();
    }
}
