package dev.ecsimage.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code ecs-image help [COMMAND...]}: the same text as {@code ecs-image [COMMAND...] --help}, as
 * the aliyun CLI and git have it. An unknown command name is a usage error with a suggestion, like
 * any unknown word.
 */
@Command(name = "help", helpCommand = true,
        description = "Show the help of ecs-image, or of a command (e.g. 'ecs-image help copy').")
final class HelpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", descriptionKey = "COMMAND",
            description = "The command, e.g. copy or sandbox serve.")
    List<String> command = new ArrayList<>();

    @Override
    public void run() {
        CommandLine target = spec.root().commandLine();
        for (String name : command) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new UnmatchedArgumentException(target, List.of(name));
            }
            target = sub;
        }
        target.usage(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
    }
}
