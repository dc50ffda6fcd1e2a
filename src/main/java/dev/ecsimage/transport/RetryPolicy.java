package dev.ecsimage.transport;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: before retry {@code n} (1-based) wait a random time in
 * {@code [0, min(cap, base * 2^(n-1)))}. At most {@code maxAttempts} attempts in all.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap, DoubleSupplier random) {
    public static final Duration DEFAULT_BASE = Duration.ofMillis(200);
    public static final Duration DEFAULT_CAP = Duration.ofSeconds(20);
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    public static RetryPolicy standard(int maxAttempts) {
        return new RetryPolicy(maxAttempts, DEFAULT_BASE, DEFAULT_CAP, Math::random);
    }

    /** The wait before retry number {@code retry} (1 for the second attempt). */
    public Duration backoff(int retry) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(retry - 1, 30));
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
    }
}
