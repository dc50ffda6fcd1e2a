package dev.ecsimage.watch;

import dev.ecsimage.transport.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * When each region is to be polled next. Regions keep their own pace: one that answers with a
 * transient error backs off alone (by {@code backoff}, counting its failures in a row), and the
 * others are polled when they are due. A region not polled yet is due at once.
 */
final class RegionSchedule {
    private final RetryPolicy backoff;
    private final Map<String, Instant> due = new HashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();

    RegionSchedule(RetryPolicy backoff) {
        this.backoff = backoff;
    }

    boolean isDue(String region, Instant at) {
        Instant next = due.get(region);
        return next == null || !next.isAfter(at);
    }

    /** The region answered {@code at}; the next poll comes after {@code interval}. */
    void answered(String region, Instant at, Duration interval) {
        failures.remove(region);
        due.put(region, at.plus(interval));
    }

    /** The region's poll failed with a transient error {@code at}; returns the wait before the next one. */
    Duration failed(String region, Instant at) {
        Duration wait = backoff.backoff(failures.merge(region, 1, Integer::sum));
        due.put(region, at.plus(wait));
        return wait;
    }

    /** The earliest time one of {@code regions} is due; {@code now} when one was never polled. */
    Instant nextDue(Collection<String> regions, Instant now) {
        Instant earliest = null;
        for (String region : regions) {
            Instant next = due.getOrDefault(region, now);
            if (earliest == null || next.isBefore(earliest)) {
                earliest = next;
            }
        }
        return earliest == null ? now : earliest;
    }
}
