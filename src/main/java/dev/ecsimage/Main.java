package dev.ecsimage;

import dev.ecsimage.cli.Context;
import dev.ecsimage.cli.EcsImageCommand;
import dev.ecsimage.cli.Version;

/** Entry point: builds the command line for this process and exits with its status. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (Version.onlyAsked(args)) {
            // the same line picocli prints, without the start-up of its command model (and no look at
            // the start-up archive: any other command refreshes it)
            Version.print(Context.stdout());
            return;
        }
        dev.ecsimage.startup.StartupArchive.refreshWhenStale();
        int status = EcsImageCommand.run(Context.system(), args);
        System.exit(status);
    }
}
