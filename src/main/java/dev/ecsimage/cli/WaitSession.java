package dev.ecsimage.cli;

import dev.ecsimage.api.DeadlineReachedException;
import dev.ecsimage.api.EcsClient;
import dev.ecsimage.api.EcsException;
import dev.ecsimage.api.Image;
import dev.ecsimage.output.ProgressDisplay;
import dev.ecsimage.transport.RetryPolicy;
import dev.ecsimage.watch.CopyWatcher;
import dev.ecsimage.watch.Outcome;
import dev.ecsimage.watch.Target;
import dev.ecsimage.watch.TargetResult;
import dev.ecsimage.watch.WatchListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One wait of a command: live progress on stderr, and what the wait knows so far (the last image
 * seen of each target, how the finished ones ended, each region's last transient error), so that
 * an interrupted command can still print where every image stood. Events also go to the
 * command's own listener (copy keeps its copy set up to date with them). A status the service
 * reports that ecs-image does not know (or none) keeps the wait going; stderr says so once per
 * status. Prints no hints: what happens to images still running is the command's business.
 */
final class WaitSession implements WatchListener {
    /** How an image without a status is shown. */
    static final String NO_STATUS = "Unknown";

    private final EcsImageCommand root;
    private final EcsClient client;
    private final List<Target> targets;
    private final WatchListener sink;
    private final ProgressDisplay display;
    private final Map<Target, Image> lastSeen = new ConcurrentHashMap<>();
    private final Map<Target, TargetResult> finished = new ConcurrentHashMap<>();
    private final Map<String, EcsException> lastErrors = new ConcurrentHashMap<>();
    private final Set<String> unknownStatuses = ConcurrentHashMap.newKeySet();
    private final RetryNotes retries;
    private volatile boolean stopped;

    /**
     * @param sink    hears every event after the display, until {@link #stop()}
     * @param retries shows the client's retries through this wait's display while it runs
     */
    WaitSession(EcsImageCommand root, EcsClient client, List<Target> targets, String initialStatus, WatchListener sink,
                RetryNotes retries) {
        this.root = root;
        this.client = client;
        this.targets = targets;
        this.sink = sink;
        this.retries = retries;
        this.display = ProgressDisplay.choose(root.console());
        display.start(targets, initialStatus);
        retries.showIn(display);
    }

    /**
     * Follows the targets until each reaches {@code goal}, or {@code deadline} (the command's, from
     * --timeout; null for none); results in target order. A poll cut short by the deadline leaves
     * its images in progress, as the deadline does.
     */
    List<TargetResult> run(CopyWatcher.Goal goal, Duration interval, Instant deadline) throws InterruptedException {
        Context context = root.context;
        CopyWatcher watcher = new CopyWatcher(client, context.clock(), context.sleeper(),
                RetryPolicy.standard(Integer.MAX_VALUE));
        try {
            return watcher.watch(targets, new CopyWatcher.Options(goal, interval, deadline), this).stream()
                    .map(this::cutByDeadline).toList();
        } finally {
            retries.showIn(null);
            display.close();
        }
    }

    /**
     * A poll that the deadline cut short is no error: its images are still in progress, and the
     * failure before the deadline, if any, is the region's last error.
     */
    private TargetResult cutByDeadline(TargetResult r) {
        if (r.outcome() != Outcome.ERROR || !(r.error() instanceof DeadlineReachedException cut)) {
            return r;
        }
        EcsException before = cut.getCause() instanceof EcsException e ? e : null;
        if (before != null) {
            lastErrors.put(r.target().region(), before);
        }
        return new TargetResult(r.target(), Outcome.IN_PROGRESS, r.lastSeen(), null);
    }

    /** The run is ending early (Ctrl-C, SIGTERM): the display ends, and later events are dropped. */
    void stop() {
        stopped = true;
        retries.showIn(null);
        display.close();
    }

    /** Where every target stands now: its result if it finished, else in progress with what was last seen. */
    List<TargetResult> snapshot() {
        return targets.stream().map(t -> finished.getOrDefault(t,
                new TargetResult(t, Outcome.IN_PROGRESS, lastSeen.get(t), null))).toList();
    }

    /** The last transient error of a region's polls, null when there was none. */
    EcsException lastError(String region) {
        return lastErrors.get(region);
    }

    @Override
    public void seen(Target target, Image image) {
        if (stopped) {
            return;
        }
        if (!image.isKnownStatus() && unknownStatuses.add(String.valueOf(image.status()))) {
            root.console().note(image.status() == null
                    ? root.text().get("wait.no-status", target.region(), target.imageId())
                    : root.text().get("wait.unknown-status", target.region(), target.imageId(), image.status()));
        }
        Image shown = shown(image);
        lastSeen.put(target, shown);
        display.seen(target, shown);
        sink.seen(target, shown);
    }

    /** The image as rows show it: without a status, {@value #NO_STATUS}. */
    static Image shown(Image image) {
        return image.status() != null ? image : new Image(image.region(), image.imageId(), image.name(), NO_STATUS,
                image.progress(), image.remainingSeconds(), image.ownerAlias(), image.tags());
    }

    @Override
    public void finished(TargetResult reported) {
        TargetResult result = cutByDeadline(reported);
        if (result.outcome() != Outcome.IN_PROGRESS) {
            finished.put(result.target(), result);
        }
        if (stopped) {
            return;
        }
        display.finished(result);
        sink.finished(result);
    }

    @Override
    public void transientError(String region, EcsException error, Duration retryIn) {
        lastErrors.put(region, error);
        if (!stopped) {
            display.transientError(region, error, retryIn);
            sink.transientError(region, error, retryIn);
        }
    }
}
