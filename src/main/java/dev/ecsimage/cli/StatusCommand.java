package dev.ecsimage.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", description = "(being built)")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    EcsImageCommand root;

    @Override
    public Integer call() {
        return ExitStatus.INTERNAL.code;
    }
}
