package dev.ecsimage.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ecs-image completion}: prints the bash completion script (zsh too, through bashcompinit),
 * generated from the live command model, so {@code source <(ecs-image completion)} works.
 */
@Command(name = "completion",
        description = {"Print the bash/zsh completion script.",
                "bash: source <(ecs-image completion)",
                "zsh:  autoload -U +X bashcompinit && bashcompinit && source <(ecs-image completion)"})
public final class CompletionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(script(spec.root().commandLine()));
        spec.commandLine().getOut().flush();
    }

    /** The completion script for the command tree under {@code root}. */
    public static String script(picocli.CommandLine root) {
        return AutoComplete.bash(root.getCommandName(), root);
    }
}
