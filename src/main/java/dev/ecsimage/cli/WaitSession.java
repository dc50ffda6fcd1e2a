package dev.ecsimage.cli;

import dev.ecsimage.api.EcsClient;
import dev.ecsimage.api.EcsException;
import dev.ecsimage.api.Image;
import dev.ecsimage.output.DurationText;
import dev.ecsimage.output.ProgressDisplay;
import dev.ecsimage.transport.RetryPolicy;
import dev.ecsimage.watch.CopyWatcher;
import dev.ecsimage.watch.Outcome;
import dev.ecsimage.watch.Target;
import dev.ecsimage.watch.TargetResult;
import dev.ecsimage.watch.WatchListener;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One wait of a command, with everything around it: live progress, the abort hook (Ctrl-C,
 * SIGTERM), and what happens to images still running when the wait ends early: they are
 * cancelled with --cancel-on-abort, else stderr tells how to follow and how to cancel them.
 */
final class WaitSession implements WatchListener {
    private final EcsImageCommand root;
    private final EcsClient client;
    private final List<Target> targets;
    private final boolean cancelOnAbort;
    private final ProgressDisplay display;
    private final Set<Target> finished = ConcurrentHashMap.newKeySet();

    WaitSession(EcsImageCommand root, EcsClient client, List<Target> targets, boolean cancelOnAbort,
                String initialStatus) {
        this.root = root;
        this.client = client;
        this.targets = targets;
        this.cancelOnAbort = cancelOnAbort;
        this.display = ProgressDisplay.choose(root.console());
        display.start(targets, initialStatus);
    }

    List<TargetResult> run(CopyWatcher.Goal goal, WaitTiming timing) throws InterruptedException {
        Context context = root.context;
        Instant deadline = timing.timeout == null ? null : context.clock().instant().plus(timing.timeout);
        CopyWatcher watcher = new CopyWatcher(client, context.clock(), context.sleeper(),
                RetryPolicy.standard(Integer.MAX_VALUE));
        Object hook = context.abortHooks().register(() -> endEarly("interrupted"));
        List<TargetResult> results;
        try {
            results = watcher.watch(targets, new CopyWatcher.Options(goal, timing.interval, deadline), this);
        } finally {
            context.abortHooks().unregister(hook);
            display.close();
        }
        if (results.stream().anyMatch(r -> r.outcome() == Outcome.IN_PROGRESS)) {
            endEarly("still running after " + DurationText.format(timing.timeout));
        }
        return results;
    }

    @Override
    public void seen(Target target, Image image) {
        display.seen(target, image);
    }

    @Override
    public void finished(TargetResult result) {
        if (result.outcome() != Outcome.IN_PROGRESS) {
            finished.add(result.target());
        }
        display.finished(result);
    }

    @Override
    public void transientError(String region, EcsException error, Duration retryIn) {
        display.transientError(region, error, retryIn);
    }

    /** The wait ends before every image did: cancel what still runs, or say how to follow it. */
    private void endEarly(String why) {
        display.close();
        leaveRunning(root, client, targets.stream().filter(t -> !finished.contains(t)).toList(), cancelOnAbort, why);
    }

    /**
     * Copies that are still running when ecs-image stops following them (timeout, Ctrl-C,
     * SIGTERM): cancelled when {@code cancel}, else stderr says how to follow and how to cancel them.
     */
    static void leaveRunning(EcsImageCommand root, EcsClient client, List<Target> pending, boolean cancel,
                             String why) {
        if (pending.isEmpty()) {
            return;
        }
        var err = root.context.err();
        if (cancel) {
            for (Target t : pending) {
                try {
                    client.cancelCopyImage(t.region(), t.imageId());
                    err.println("ecs-image: " + why + "; cancelled the copy " + t.imageId() + " in " + t.region());
                } catch (EcsException e) {
                    err.println("ecs-image: " + why + "; could not cancel " + t.imageId() + " in " + t.region()
                            + ": " + e.describe());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } else if (!root.quiet) {
            err.println("ecs-image: " + why + "; the copies keep running.");
            Map<String, List<String>> byRegion = new LinkedHashMap<>();
            pending.forEach(t -> byRegion.computeIfAbsent(t.region(), r -> new java.util.ArrayList<>()).add(t.imageId()));
            byRegion.forEach((region, ids) -> err.println("  follow: ecs-image status --wait -r " + region
                    + " -i " + String.join(",", ids)));
            pending.forEach(t -> err.println("  cancel: ecs-image cancel -r " + t.region() + " -i " + t.imageId()));
        }
        err.flush();
    }
}
