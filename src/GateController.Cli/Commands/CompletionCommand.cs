using System.CommandLine;

namespace GateController.Cli.Commands;

/// <summary>
/// <c>gatectl completion bash|zsh</c>: a completion script that asks gatectl itself what may come next, through
/// System.CommandLine's <c>[suggest:POSITION]</c> directive, so the completions are always this build's commands and
/// options. Install: <c>gatectl completion bash &gt; /etc/bash_completion.d/gatectl</c>, or for zsh a file named
/// <c>_gatectl</c> in a directory of <c>$fpath</c>.
/// </summary>
internal static class CompletionCommand
{
    // Windows-style spellings (/?, /h) are suggested too; a shell user never wants them.
    private const string Bash = """
        # bash completion for gatectl (gatectl completion bash)
        _gatectl_complete() {
            local IFS=$'\n'
            local suggestions
            suggestions=$(gatectl "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null | grep -v '^/')
            COMPREPLY=( $(compgen -W "${suggestions}" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _gatectl_complete gatectl

        """;

    private const string Zsh = """
        #compdef gatectl
        # zsh completion for gatectl (gatectl completion zsh)
        _gatectl() {
            local -a suggestions
            suggestions=(${(f)"$(gatectl "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null | grep -v '^/')"})
            compadd -a suggestions
        }
        compdef _gatectl gatectl

        """;

    public static Command Create()
    {
        var shell = new Argument<string>("SHELL") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", "Print the shell completion script for bash or zsh") { shell };
        command.SetAction(parseResult =>
        {
            Console.Write(parseResult.GetValue(shell) == "bash" ? Bash : Zsh);
            return ExitCodes.Success;
        });
        return command;
    }
}
