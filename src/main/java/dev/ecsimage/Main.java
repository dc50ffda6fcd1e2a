package dev.ecsimage;

import dev.ecsimage.cli.Context;
import dev.ecsimage.cli.EcsImageCommand;

/** Entry point: builds the command line for this process and exits with its status. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        dev.ecsimage.startup.StartupArchive.refreshWhenStale();
        int status = EcsImageCommand.run(Context.system(), args);
        System.exit(status);
    }
}
