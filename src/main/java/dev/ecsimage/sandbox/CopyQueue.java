package dev.ecsimage.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The copies into one region that have not ended, in the order they were asked for: only the
 * first runs, the others wait. Time moves only when {@link #advance} is called, so the state is
 * computed from the clock, with no thread of its own.
 */
final class CopyQueue {
    private final Deque<CopyJob> jobs = new ArrayDeque<>();
    private Instant freeSince = Instant.MIN;

    void add(CopyJob job) {
        jobs.addLast(job);
    }

    /** Starts and ends copies up to {@code now}, each starting when the one before ended. */
    void advance(Instant now) {
        while (!jobs.isEmpty()) {
            CopyJob head = jobs.peekFirst();
            if (head.startedAt() == null) {
                Instant start = later(head.earliestStart(), freeSince);
                if (start.isAfter(now)) {
                    return;
                }
                head.start(start);
            }
            Instant end = head.endsAt();
            if (end.isAfter(now)) {
                return;
            }
            head.finish();
            jobs.removeFirst();
            freeSince = end;
        }
    }

    /** Removes a copy that has not ended (cancel); the next one may start at once. */
    void remove(CopyJob job, Instant now) {
        if (jobs.peekFirst() == job) {
            freeSince = now;
        }
        jobs.remove(job);
    }

    /**
     * The expected time until {@code job} is done, if it and those before it succeed: what the
     * running copy has left, the full time of each copy waiting ahead, and its own.
     */
    Duration remaining(CopyJob job, Instant now) {
        Duration total = Duration.ZERO;
        for (CopyJob j : jobs) {
            Instant start = j.startedAt() != null ? j.startedAt() : later(j.earliestStart(), now.plus(total));
            Duration left = j == job ? j.fullDuration() : j.runTime();
            Duration own = Duration.between(now.plus(total), start.plus(left));
            total = total.plus(own.isNegative() ? Duration.ZERO : own);
            if (j == job) {
                return total;
            }
        }
        return Duration.ZERO;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
