package dev.ecsimage.cli;

import dev.ecsimage.api.DeadlineReachedException;
import dev.ecsimage.api.EcsClient;
import dev.ecsimage.api.EcsException;
import dev.ecsimage.output.Messages;
import dev.ecsimage.output.Sentence;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The cancels of --cancel-on-abort, bounded: a stopping process must not hang for minutes on a
 * CancelCopyImage that does not answer. Their calls have {@link #BOUND} in all (the client's time
 * limit: no attempt starts after it, one in flight is aborted at it); they run on their own
 * thread, and after that long (plus a moment) the process stops waiting for them anyway and says
 * which copies may still be running, with the command that cancels them.
 */
final class BoundedCancel {
    static final Duration BOUND = Duration.ofSeconds(10);
    /** Real time granted beyond the bound, for a cancel answered just at it. */
    private static final Duration MARGIN = Duration.ofSeconds(1);
    /** Cancels that take longer than this get a line saying what the process waits for. */
    private static final Duration PATIENCE = Duration.ofSeconds(1);

    private final EcsImageCommand root;
    private final EcsClient client;
    private final List<ImageRef> copies;
    private final Sentence why;
    private final Messages text;
    private final List<ImageRef> unreported;
    /** Copies whose cancel failed in a way that leaves them running, perhaps (no answer, the time limit). */
    private final List<ImageRef> maybeRunning = new ArrayList<>();
    private boolean abandoned;

    private BoundedCancel(EcsImageCommand root, EcsClient client, List<ImageRef> copies, Sentence why) {
        this.root = root;
        this.client = client.withTimeLimit(BOUND, root.context.clock()); // also past the --timeout deadline
        this.copies = copies;
        this.why = why;
        this.text = root.text();
        this.unreported = new ArrayList<>(copies);
    }

    /** Cancels {@code copies}, one line each on stderr; returns within about {@link #BOUND}. */
    static void cancel(EcsImageCommand root, EcsClient client, List<ImageRef> copies, Sentence why) {
        new BoundedCancel(root, client, copies, why).run();
    }

    private void run() {
        CountDownLatch done = new CountDownLatch(1);
        Instant end = root.context.clock().instant().plus(BOUND);
        Thread worker = new Thread(() -> {
            try {
                cancelAll(end);
            } finally {
                done.countDown();
            }
        }, "ecs-image-cancel");
        worker.setDaemon(true);
        worker.start();
        boolean finished;
        try {
            finished = done.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                say("ecs-image: " + text.get("cancel-on-abort.waiting", BOUND.toSeconds()));
                finished = done.await(BOUND.plus(MARGIN).minus(PATIENCE).toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            worker.interrupt();
        }
        giveUp();
    }

    private void cancelAll(Instant end) {
        for (ImageRef copy : copies) {
            if (!root.context.clock().instant().isBefore(end)) {
                return;
            }
            String line;
            boolean maybe = false;
            try {
                client.cancelCopyImage(copy.region(), copy.imageId());
                line = "ecs-image: " + text.get("cancel-on-abort.cancelled", why, copy.imageId(), copy.region());
            } catch (EcsException e) {
                line = "ecs-image: " + text.get("cancel-on-abort.failed", why, copy.imageId(), copy.region(),
                        e.describe());
                maybe = e.isTransient() || e instanceof DeadlineReachedException;
            } catch (InterruptedException e) {
                return;
            }
            if (!report(copy, line, maybe)) {
                return;
            }
        }
    }

    private synchronized void say(String line) {
        if (!root.quiet) {
            root.context.err().println(line);
            root.context.err().flush();
        }
    }

    /** Prints a cancel's line, unless the wait for the cancels is over. */
    private synchronized boolean report(ImageRef copy, String line, boolean maybeStillRunning) {
        if (abandoned) {
            return false;
        }
        unreported.remove(copy);
        if (maybeStillRunning) {
            maybeRunning.add(copy);
        }
        PrintWriter err = root.context.err();
        err.println(line);
        err.flush();
        return true;
    }

    /** The copies whose cancel did not end, or failed for want of an answer: say how to cancel them. */
    private synchronized void giveUp() {
        abandoned = true;
        PrintWriter err = root.context.err();
        for (ImageRef copy : unreported) {
            err.println("ecs-image: " + text.get("cancel-on-abort.unanswered", why, copy.imageId(), copy.region(),
                    BOUND.toSeconds()));
        }
        List<ImageRef> left = new ArrayList<>(copies);
        left.removeIf(c -> !maybeRunning.contains(c) && !unreported.contains(c));
        if (!left.isEmpty()) {
            err.println("  " + text.get("still-running.cancel", new FollowUpCommands(root).cancel(left)));
        }
        err.flush();
    }
}
