package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Full jitter: a random share of min(cap, base * 2^(retry-1)). */
class RetryPolicyTest {
    private static RetryPolicy withRandom(double random) {
        return new RetryPolicy(5, RetryPolicy.DEFAULT_BASE, RetryPolicy.DEFAULT_CAP, () -> random);
    }

    @Test
    void defaults() {
        RetryPolicy standard = RetryPolicy.standard(RetryPolicy.DEFAULT_MAX_ATTEMPTS);
        assertEquals(5, standard.maxAttempts());
        assertEquals(Duration.ofMillis(200), standard.base());
        assertEquals(Duration.ofSeconds(20), standard.cap());
    }

    @Test
    void ceilingDoublesFromTheBase() {
        RetryPolicy almostOne = withRandom(0.999);
        assertEquals(Duration.ofMillis(199), almostOne.backoff(1));
        assertEquals(Duration.ofMillis(399), almostOne.backoff(2));
        assertEquals(Duration.ofMillis(799), almostOne.backoff(3));
        assertEquals(Duration.ofMillis(12787), almostOne.backoff(7));
    }

    @Test
    void ceilingStopsAtTheCapEvenForHugeRetryNumbers() {
        RetryPolicy almostOne = withRandom(0.999);
        assertEquals(Duration.ofMillis(19980), almostOne.backoff(8));
        assertEquals(Duration.ofMillis(19980), almostOne.backoff(40));
        assertEquals(Duration.ofMillis(19980), almostOne.backoff(Integer.MAX_VALUE));
    }

    @Test
    void jitterCanBeZero() {
        assertEquals(Duration.ZERO, withRandom(0).backoff(4));
    }
}
