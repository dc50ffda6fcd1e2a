package dev.ecsimage.cli;

import dev.ecsimage.api.EcsClient;
import dev.ecsimage.output.Messages;
import dev.ecsimage.output.Sentence;
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
    static void report(EcsImageCommand root, EcsClient client, List<ImageRef> running, boolean cancel, Sentence why) {
        if (running.isEmpty()) {
            return;
        }
        if (cancel) {
            BoundedCancel.cancel(root, client, running, why);
            return;
        }
        Messages text = root.text();
        if (root.sandbox) {
            root.console().note(text.get("still-running.sandbox", why));
            return;
        }
        if (root.quiet) {
            return;
        }
        PrintWriter err = root.context.err();
        FollowUpCommands commands = new FollowUpCommands(root);
        err.println("ecs-image: " + text.get("still-running.keep-running", why));
        err.println("  " + text.get("still-running.follow", commands.follow(running)));
        err.println("  " + text.get("still-running.cancel", commands.cancel(running)));
        err.flush();
    }
}
