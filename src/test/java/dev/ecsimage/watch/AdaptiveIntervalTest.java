package dev.ecsimage.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdaptiveIntervalTest {
    @Test
    void growsByHalfUpToFifteenSecondsAndResetsOnChange() {
        AdaptiveInterval interval = new AdaptiveInterval();

        assertEquals(Duration.ofSeconds(2), interval.next(true));
        assertEquals(Duration.ofSeconds(3), interval.next(false));
        assertEquals(Duration.ofMillis(4500), interval.next(false));
        assertEquals(Duration.ofMillis(6750), interval.next(false));
        assertEquals(Duration.ofMillis(10125), interval.next(false));
        assertEquals(Duration.ofSeconds(15), interval.next(false));
        assertEquals(Duration.ofSeconds(15), interval.next(false));
        assertEquals(Duration.ofSeconds(2), interval.next(true));
    }
}
