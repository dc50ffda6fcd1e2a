package dev.ecsimage.watch;

import dev.ecsimage.api.Image;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When to look at one copy again, from what its polls showed: in half the time it is expected
 * to need, so that polls thin out while the end is far and close in on it (a steady 100 s copy
 * followed from its second 2 is polled at 2, 51, 75.5, 88, 94, 97, 99 and 101 s). Always at least
 * {@link #MIN} and at most {@link #MAX} apart. The rules, in order:
 *
 * <ul>
 * <li><b>Status.</b> Each change of status (Waiting → Creating, or to a status ecs-image does not
 *     know) starts the estimate afresh. A status that is null or unknown is not final: the copy
 *     is waited for like one in progress.
 * <li><b>Two estimates of the time left.</b> The service's RemainTime, when it is above 0 and at
 *     most 30 days (0 tells nothing: the sandbox shows it for any image not being copied; more is
 *     no estimate). And the observed rate: progress (clamped to 0-100) went from p0, when the
 *     copy was first seen at its status, to p now, so (100 - p) at that rate is left. A Waiting
 *     copy has no rate. When both exist and agree within a factor of 2, the sooner counts; when
 *     they disagree, the rate counts once progress moved 5 points or more (the copy's own
 *     record), RemainTime before.
 * <li><b>Near the end.</b> Progress is shown in whole points, so at the observed rate the copy may
 *     already be almost a point further and end that much sooner. The next poll comes no later
 *     than that earliest possible end, or than {@link #NEAR_END} when that end is nearer: the end
 *     is noticed within 4 s when the estimate holds.
 * <li><b>No estimate</b> (first sight without RemainTime, progress unknown or not moved yet, a
 *     Waiting copy without RemainTime, progress gone backwards, which restarts the rate):
 *     {@link #MIN}, growing by half at each poll up to {@link #NO_ESTIMATE_MAX}, so a status
 *     change or the first move of progress is seen soon, and a long wait costs 4 calls a minute.
 * <li><b>Overdue.</b> Each estimate promises an end. When the earliest end promised since progress
 *     last moved is past by a quarter of the promise and at least 10 s, the estimates are not
 *     believed (a copy stuck at 99%, a RemainTime that keeps saying a few seconds): the interval
 *     grows by half from the last one, up to {@link #MAX}, until progress moves again. A copy
 *     that stalls far from the end needs no rule: its rate falls as time passes, so the interval
 *     grows by itself.
 * </ul>
 *
 * A region's poll serves all its copies; {@link CopyWatcher} takes the shortest interval of them,
 * leaving out a copy queued without estimate when another copy of the region has one.
 */
final class CopyEta {
    static final Duration MIN = Duration.ofSeconds(2);
    static final Duration MAX = Duration.ofSeconds(60);
    static final Duration NO_ESTIMATE_MAX = Duration.ofSeconds(15);
    static final Duration NEAR_END = Duration.ofSeconds(4);
    /** RemainTime above this is no estimate. */
    static final long MAX_REMAIN_SECONDS = Duration.ofDays(30).toSeconds();
    /** Progress the rate must have seen before it outweighs a RemainTime that disagrees. */
    static final int ESTABLISHED_POINTS = 5;
    private static final Duration MIN_GRACE = Duration.ofSeconds(10);

    /** Where the rate is measured from. */
    private record Sample(Instant at, int progress) {}

    /** What the estimates say of the time left, in seconds: expected, and at the earliest. */
    private record Left(double expected, double earliest) {}

    private boolean seen;
    private String status;
    private Integer progress;
    private Sample start;
    private Instant promisedEnd;
    private int pollsWithoutEstimate;
    private boolean estimated;
    private Duration interval = MIN;

    /** The wait before this copy should be looked at again, as of the last poll. */
    Duration interval() {
        return interval;
    }

    /** Waiting in its region's queue with no estimate: a copy running ahead of it decides when to look. */
    boolean queuedWithoutEstimate() {
        return Image.WAITING.equals(status) && !estimated;
    }

    /** A poll listed the copy {@code at} this time. */
    void observe(Instant at, Image image) {
        if (!seen || !Objects.equals(status, image.status())) {
            seen = true;
            status = image.status();
            restart();
            progress = null;
            pollsWithoutEstimate = 0;
        }
        Integer p = image.progress() == null ? null : Math.max(0, Math.min(100, image.progress()));
        if (p != null) {
            if (progress != null && p < progress) {
                restart();
            } else if (progress != null && p > progress) {
                promisedEnd = null;
            }
            progress = p;
            if (start == null && !Image.WAITING.equals(status)) {
                start = new Sample(at, p);
            }
        }
        Left left = left(at, image.remainingSeconds());
        estimated = left != null;
        if (left == null) {
            interval = withoutEstimate();
            return;
        }
        pollsWithoutEstimate = 0;
        if (promisedEnd != null && at.isAfter(promisedEnd)) {
            interval = clamp(seconds(interval) * 1.5, MAX);
            return;
        }
        double wait = Math.min(left.expected() / 2, Math.max(left.earliest(), seconds(NEAR_END)));
        interval = clamp(wait, MAX);
        long expectedMillis = Math.round(Math.min(left.expected(), MAX_REMAIN_SECONDS) * 1000);
        Instant promise = at.plusMillis(expectedMillis).plus(max(MIN_GRACE, Duration.ofMillis(expectedMillis / 4)));
        promisedEnd = promisedEnd == null || promise.isBefore(promisedEnd) ? promise : promisedEnd;
    }

    /**
     * A poll when nothing can be estimated (the copy was not listed, or the wait is for it to go):
     * {@link #MIN}, growing by half each time up to {@link #NO_ESTIMATE_MAX}.
     */
    Duration withoutEstimate() {
        estimated = false;
        interval = clamp(seconds(MIN) * Math.pow(1.5, pollsWithoutEstimate++), NO_ESTIMATE_MAX);
        return interval;
    }

    private void restart() {
        start = null;
        promisedEnd = null;
    }

    /** The time left by the rules above, null when nothing can be estimated. */
    private Left left(Instant at, Long remainTime) {
        Double byService = remainTime != null && remainTime > 0 && remainTime <= MAX_REMAIN_SECONDS
                ? (double) remainTime : null;
        Left byRate = null;
        if (start != null && progress != null && progress > start.progress() && at.isAfter(start.at())) {
            double perSecond = (progress - start.progress()) / seconds(Duration.between(start.at(), at));
            byRate = new Left((100 - progress) / perSecond, Math.max(0, 99 - progress) / perSecond);
        }
        if (byService == null) {
            return byRate;
        }
        if (byRate == null) {
            return new Left(byService, byService);
        }
        double ratio = Math.max(byService, byRate.expected()) / Math.max(1e-9, Math.min(byService, byRate.expected()));
        if (ratio <= 2) {
            return new Left(Math.min(byService, byRate.expected()), Math.min(byService, byRate.earliest()));
        }
        return progress - start.progress() >= ESTABLISHED_POINTS ? byRate : new Left(byService, byService);
    }

    private static Duration clamp(double seconds, Duration max) {
        Duration d = Duration.ofMillis(Math.round(Math.min(seconds, seconds(max)) * 1000));
        return d.compareTo(MIN) < 0 ? MIN : d;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
