package dev.ecsimage.watch;

import java.time.Duration;

/**
 * The poll interval when none is fixed: 2 s at first, growing by half while nothing changes, up
 * to 15 s; back to 2 s as soon as a status or progress moves.
 */
public final class AdaptiveInterval {
    public static final Duration FIRST = Duration.ofSeconds(2);
    public static final Duration MAX = Duration.ofSeconds(15);

    private Duration current = FIRST;

    /** The wait before the next poll, given whether the last poll saw a change. */
    public Duration next(boolean changed) {
        if (changed) {
            current = FIRST;
            return current;
        }
        Duration grown = Duration.ofMillis(current.toMillis() * 3 / 2);
        current = grown.compareTo(MAX) > 0 ? MAX : grown;
        return current;
    }
}
