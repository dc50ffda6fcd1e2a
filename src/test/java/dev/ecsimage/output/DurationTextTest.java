package dev.ecsimage.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
    @Test
    void formatsShortly() {
        assertEquals("800ms", DurationText.format(Duration.ofMillis(800)));
        assertEquals("2m10s", DurationText.format(Duration.ofSeconds(130)));
        assertEquals("1h", DurationText.format(Duration.ofHours(1)));
        assertEquals("1h1s", DurationText.format(Duration.ofSeconds(3601)));
    }
}
