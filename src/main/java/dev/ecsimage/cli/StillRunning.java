package dev.ecsimage.cli;

import dev.ecsimage.api.EcsClient;
import java.io.PrintWriter;
import java.util.List;

/**
 * Copies still running when ecs-image stops following them (--timeout, Ctrl-C, SIGTERM,
 * --no-wait): cancelled with --cancel-on-abort (within {@link BoundedCancel#BOUND}); else stderr
 * says how to follow and how to cancel the whole set, one line each that works when pasted. With
 * --sandbox there is nothing to follow: the simulated copies end with the process.
 */
final class StillRunning {
    private StillRunning() {}

    /** @param why what ended the wait, for the first line ({@code interrupted}, {@code still running after 30m}) */
    static void report(EcsImageCommand root, EcsClient client, List<ImageRef> running, boolean cancel, String why) {
        if (running.isEmpty()) {
            return;
        }
        if (cancel) {
            BoundedCancel.cancel(root, client, running, why);
            return;
        }
        if (root.sandbox) {
            root.console().note(why + "; the copies were simulated by --sandbox and ended with this process");
            return;
        }
        if (root.quiet) {
            return;
        }
        PrintWriter err = root.context.err();
        FollowUpCommands commands = new FollowUpCommands(root);
        err.println("ecs-image: " + why + "; the copies keep running.");
        err.println("  follow: " + commands.follow(running));
        err.println("  cancel: " + commands.cancel(running));
        err.flush();
    }
}
