package dev.ecsimage.api;

import java.time.Duration;
import java.util.Locale;

/**
 * A retry about to happen, as {@link EcsClient} tells its retry listener before the backoff wait,
 * so that retries are never silent. The command line says it in the user's language
 * ({@code DescribeImages in cn-shanghai: Read timed out; retrying (2/5) in 1.2s}).
 *
 * @param reason      why the last attempt failed, in words ({@code Read timed out}, {@code Throttling.User})
 * @param attempt     the number of the attempt that follows the wait (2 for the first retry)
 * @param maxAttempts at most this many attempts in all
 * @param delay       the wait before it
 */
public record Retry(String action, String region, String reason, int attempt, int maxAttempts, Duration delay) {
    /** The wait to a tenth of a second: {@code 1.2s}. */
    public String delayText() {
        return String.format(Locale.ROOT, "%.1fs", delay.toMillis() / 1000.0);
    }
}
