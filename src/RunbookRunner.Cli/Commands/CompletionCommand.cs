using System.CommandLine;
using RunbookRunner.Cli.Help;

namespace RunbookRunner.Cli.Commands;

/// <summary>
/// <c>runbook completion bash|zsh</c>: prints a shell completion script. The scripts ask the tool itself through
/// System.CommandLine's <c>[suggest:POSITION]</c> directive, so completions always match this version's commands,
/// options and option values.
/// </summary>
internal static class CompletionCommand
{
    private const string Bash = """
        # bash completion for runbook. Load it now:   source <(runbook completion bash)
        # or for every shell:                         runbook completion bash > ~/.local/share/bash-completion/completions/runbook
        _runbook_complete() {
            local IFS=$'\n'
            COMPREPLY=( $(compgen -W "$(runbook "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _runbook_complete runbook

        """;

    private const string Zsh = """
        #compdef runbook
        # zsh completion for runbook. Load it now:   source <(runbook completion zsh)
        # or put it on your $fpath as _runbook:      runbook completion zsh > "${fpath[1]}/_runbook"
        _runbook() {
            local -a suggestions
            suggestions=("${(@f)$(runbook "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)}")
            compadd -a suggestions
        }
        if [[ "$funcstack[1]" = "_runbook" ]]; then _runbook "$@"; else compdef _runbook runbook; fi

        """;

    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh." };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new CliCommand(
            "completion",
            "Print a shell completion script for runbook (commands, options, option values such as --format).",
            [
                "source <(runbook completion bash)",
                "runbook completion zsh > \"${fpath[1]}/_runbook\"",
            ])
        {
            shell,
        };
        command.SetAction(parseResult =>
        {
            var script = parseResult.GetValue(shell) == "zsh" ? Zsh : Bash;
            parseResult.InvocationConfiguration.Output.Write(script.ReplaceLineEndings("\n"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
