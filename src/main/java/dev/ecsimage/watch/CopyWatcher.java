package dev.ecsimage.watch;

import dev.ecsimage.api.EcsClient;
import dev.ecsimage.api.EcsException;
import dev.ecsimage.api.Image;
import dev.ecsimage.transport.RetryPolicy;
import dev.ecsimage.transport.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Follows images until each reaches its end, polling DescribeImages once per region per round
 * (all of a region's targets in one call, every status asked for, since without a Status filter
 * copies in progress are hidden). Transient errors never end a wait: they are retried with backoff
 * until the deadline. The deadline also cuts a sleep short. Prints nothing.
 */
public final class CopyWatcher {
    /** Polls a known copy may be missing from the listing before it counts as gone. */
    static final int LAG_TOLERANCE = 3;

    public enum Goal {
        /** Until Available, CreateFailed / UnAvailable, or gone. */
        FINAL_STATE,
        /** Until the service no longer lists the image (after a cancel). */
        GONE
    }

    /**
     * @param fixedInterval null for the adaptive interval
     * @param deadline      null for no limit
     */
    public record Options(Goal goal, Duration fixedInterval, Instant deadline) {
    }

    private final EcsClient client;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RetryPolicy backoff;

    public CopyWatcher(EcsClient client, Clock clock, Sleeper sleeper, RetryPolicy backoff) {
        this.client = client;
        this.clock = clock;
        this.sleeper = sleeper;
        this.backoff = backoff;
    }

    /** Results in the order of {@code targets}. */
    public List<TargetResult> watch(List<Target> targets, Options options, WatchListener listener)
            throws InterruptedException {
        Map<Target, TargetResult> done = new HashMap<>();
        Map<Target, Image> last = new HashMap<>();
        Map<Target, Integer> misses = new HashMap<>();
        AdaptiveInterval adaptive = new AdaptiveInterval();
        int failedRounds = 0;
        while (true) {
            boolean changed = false;
            EcsException transientFailure = null;
            String failedRegion = null;
            for (Map.Entry<String, List<Target>> region : pendingByRegion(targets, done).entrySet()) {
                List<Target> group = region.getValue();
                List<Image> images;
                try {
                    images = client.describeImages(region.getKey(), group.stream().map(Target::imageId).toList(),
                            Image.ALL_STATUSES, null);
                } catch (EcsException e) {
                    if (e.isTransient()) {
                        transientFailure = e;
                        failedRegion = region.getKey();
                        continue;
                    }
                    for (Target t : group) {
                        finish(done, listener, new TargetResult(t, Outcome.ERROR, last.get(t), e));
                    }
                    continue;
                }
                for (Target t : group) {
                    Image image = images.stream().filter(i -> t.imageId().equals(i.imageId())).findFirst().orElse(null);
                    Image before = last.get(t);
                    if (image == null) {
                        TargetResult end = missing(t, before, options.goal(), misses);
                        if (end != null) {
                            finish(done, listener, end);
                            changed = true;
                        }
                        continue;
                    }
                    changed |= before == null || !Objects.equals(before.status(), image.status())
                            || !Objects.equals(before.progress(), image.progress());
                    last.put(t, image);
                    listener.seen(t, image);
                    if (options.goal() == Goal.FINAL_STATE && image.isFinal()) {
                        finish(done, listener, new TargetResult(t,
                                image.isFailed() ? Outcome.FAILED : Outcome.AVAILABLE, image, null));
                    }
                }
            }
            if (done.size() == targets.size()) {
                return targets.stream().map(done::get).toList();
            }
            Duration wait;
            if (transientFailure != null) {
                failedRounds++;
                wait = backoff.backoff(failedRounds);
                listener.transientError(failedRegion, transientFailure, wait);
            } else {
                failedRounds = 0;
                wait = options.fixedInterval() != null ? options.fixedInterval() : adaptive.next(changed);
            }
            if (options.deadline() != null) {
                Duration left = Duration.between(clock.instant(), options.deadline());
                if (left.compareTo(wait) < 0) {
                    if (!left.isNegative() && !left.isZero()) {
                        sleeper.sleep(left);
                    }
                    for (Target t : targets) {
                        if (!done.containsKey(t)) {
                            finish(done, listener, new TargetResult(t, Outcome.IN_PROGRESS, last.get(t), null));
                        }
                    }
                    return targets.stream().map(done::get).toList();
                }
            }
            sleeper.sleep(wait);
        }
    }

    private static TargetResult missing(Target t, Image before, Goal goal, Map<Target, Integer> misses) {
        if (before != null) {
            return new TargetResult(t, Outcome.GONE, before, null);
        }
        if (goal == Goal.GONE) {
            return new TargetResult(t, Outcome.GONE, null, null);
        }
        int missed = misses.merge(t, 1, Integer::sum);
        if (!t.known()) {
            return new TargetResult(t, Outcome.NOT_FOUND, null, null);
        }
        return missed >= LAG_TOLERANCE ? new TargetResult(t, Outcome.GONE, null, null) : null;
    }

    private static void finish(Map<Target, TargetResult> done, WatchListener listener, TargetResult result) {
        done.put(result.target(), result);
        listener.finished(result);
    }

    private static Map<String, List<Target>> pendingByRegion(List<Target> targets, Map<Target, TargetResult> done) {
        Map<String, List<Target>> byRegion = new LinkedHashMap<>();
        for (Target t : targets) {
            if (!done.containsKey(t)) {
                byRegion.computeIfAbsent(t.region(), r -> new ArrayList<>()).add(t);
            }
        }
        return byRegion;
    }
}
