package dev.ecsimage.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * The timeline of one copy: queued at {@code enqueuedAt}, started by its region's
 * {@link CopyQueue} when the previous copy ends, then progressing linearly until it reaches
 * {@code endPercent} (100: Available; less: CreateFailed there).
 */
final class CopyJob {
    private final Instant enqueuedAt;
    private final Duration fullDuration;
    private final int endPercent;
    private Instant startedAt;
    private boolean finished;

    /** @param fullDuration how long the copy takes from 0 to 100% once it runs */
    CopyJob(Instant enqueuedAt, Duration fullDuration, int endPercent) {
        this.enqueuedAt = enqueuedAt;
        this.fullDuration = fullDuration;
        this.endPercent = endPercent;
    }

    /** A new copy waits a tenth of its run time before it may start, so it is seen Waiting first. */
    Instant earliestStart() {
        return enqueuedAt.plus(fullDuration.dividedBy(10));
    }

    Instant startedAt() {
        return startedAt;
    }

    void start(Instant at) {
        startedAt = at;
    }

    /** When the copy ends (succeeds or fails), once started. */
    Instant endsAt() {
        return startedAt.plus(runTime());
    }

    /** Running time from start to end (full, or until it fails). */
    Duration runTime() {
        return fullDuration.multipliedBy(endPercent).dividedBy(100);
    }

    Duration fullDuration() {
        return fullDuration;
    }

    void finish() {
        finished = true;
    }

    boolean inProgress() {
        return !finished;
    }

    String status() {
        if (finished) {
            return endPercent == 100 ? "Available" : "CreateFailed";
        }
        return startedAt == null ? "Waiting" : "Creating";
    }

    int progress(Instant now) {
        if (finished) {
            return endPercent;
        }
        if (startedAt == null) {
            return 0;
        }
        long percent = Duration.between(startedAt, now).toMillis() * 100 / Math.max(1, fullDuration.toMillis());
        return (int) Math.min(99, percent);
    }
}
