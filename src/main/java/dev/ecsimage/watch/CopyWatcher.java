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

/**
 * Follows images until each reaches its end, polling DescribeImages in each region (all of a
 * region's targets in one call, every status asked for, since without a Status filter copies in
 * progress are hidden). Each region keeps its own schedule ({@link RegionSchedule}): the watcher
 * sleeps until the earliest region is due and polls only the regions that are due. A region's
 * next poll follows the ETA of its copy nearest to the end ({@link CopyEta}; a copy Waiting with
 * no estimate leaves that to a copy of its region that has one), or the fixed interval when one
 * is given. Transient errors never end a wait: the region that met one is retried with backoff
 * until the deadline, the others keep their pace. The deadline also cuts a sleep short. Prints
 * nothing.
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
     * @param fixedInterval null to follow the copies' ETA
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

    /** What one wait knows: results so far, what each target looked like, and the schedule. */
    private static final class Wait {
        final Map<Target, TargetResult> done = new HashMap<>();
        final Map<Target, Image> last = new HashMap<>();
        final Map<Target, Integer> misses = new HashMap<>();
        final Map<Target, CopyEta> etas = new HashMap<>();
        final RegionSchedule schedule;

        Wait(RetryPolicy backoff) {
            schedule = new RegionSchedule(backoff);
        }
    }

    /** Results in the order of {@code targets}. */
    public List<TargetResult> watch(List<Target> targets, Options options, WatchListener listener)
            throws InterruptedException {
        Wait wait = new Wait(backoff);
        Instant wokeFor = clock.instant();
        while (true) {
            // What was due by the time slept for is due, should the clock read a little less.
            Instant now = clock.instant();
            Instant dueBy = now.isAfter(wokeFor) ? now : wokeFor;
            for (Map.Entry<String, List<Target>> region : pendingByRegion(targets, wait.done).entrySet()) {
                if (wait.schedule.isDue(region.getKey(), dueBy)) {
                    poll(region.getKey(), region.getValue(), options, listener, wait);
                }
            }
            Map<String, List<Target>> pending = pendingByRegion(targets, wait.done);
            if (pending.isEmpty()) {
                return targets.stream().map(wait.done::get).toList();
            }
            Instant next = wait.schedule.nextDue(pending.keySet(), clock.instant());
            if (options.deadline() != null && options.deadline().isBefore(next)) {
                Duration left = Duration.between(clock.instant(), options.deadline());
                if (!left.isNegative() && !left.isZero()) {
                    sleeper.sleep(left);
                }
                for (Target t : targets) {
                    if (!wait.done.containsKey(t)) {
                        finish(wait.done, listener, new TargetResult(t, Outcome.IN_PROGRESS, wait.last.get(t), null));
                    }
                }
                return targets.stream().map(wait.done::get).toList();
            }
            Duration sleep = Duration.between(clock.instant(), next);
            if (!sleep.isNegative() && !sleep.isZero()) {
                sleeper.sleep(sleep);
            }
            wokeFor = next;
        }
    }

    /** One DescribeImages for the pending targets of one region, and when to ask again. */
    private void poll(String region, List<Target> group, Options options, WatchListener listener, Wait wait)
            throws InterruptedException {
        List<Image> images;
        try {
            images = client.describeImages(region, group.stream().map(Target::imageId).toList(),
                    Image.ALL_STATUSES, null);
        } catch (EcsException e) {
            if (e.isTransient()) {
                listener.transientError(region, e, wait.schedule.failed(region, clock.instant()));
                return;
            }
            for (Target t : group) {
                finish(wait.done, listener, new TargetResult(t, Outcome.ERROR, wait.last.get(t), e));
            }
            return;
        }
        Instant at = clock.instant();
        List<CopyEta> pending = new ArrayList<>();
        for (Target t : group) {
            Image image = images.stream().filter(i -> t.imageId().equals(i.imageId())).findFirst().orElse(null);
            CopyEta eta = wait.etas.computeIfAbsent(t, k -> new CopyEta());
            if (image == null) {
                TargetResult end = missing(t, wait.last.get(t), options.goal(), wait.misses);
                if (end != null) {
                    finish(wait.done, listener, end);
                } else {
                    eta.withoutEstimate();
                    pending.add(eta);
                }
                continue;
            }
            wait.last.put(t, image);
            listener.seen(t, image);
            // A null status is unknown, not final (Image.isFinal() cannot take null).
            if (options.goal() == Goal.FINAL_STATE && image.status() != null && image.isFinal()) {
                finish(wait.done, listener, new TargetResult(t,
                        image.isFailed() ? Outcome.FAILED : Outcome.AVAILABLE, image, null));
                continue;
            }
            if (options.goal() == Goal.GONE) {
                eta.withoutEstimate();
            } else {
                eta.observe(at, image);
            }
            pending.add(eta);
        }
        if (!pending.isEmpty()) {
            wait.schedule.answered(region, at,
                    options.fixedInterval() != null ? options.fixedInterval() : nearestEnd(pending));
        }
    }

    /** The interval of the copy nearest to its end; a copy queued with no estimate waits for those with one. */
    private static Duration nearestEnd(List<CopyEta> pending) {
        List<CopyEta> deciding = pending.stream().filter(e -> !e.queuedWithoutEstimate()).toList();
        return (deciding.isEmpty() ? pending : deciding).stream().map(CopyEta::interval)
                .min(Duration::compareTo).orElseThrow();
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
