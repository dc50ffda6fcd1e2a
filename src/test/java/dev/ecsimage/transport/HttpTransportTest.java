package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The transport's defaults; its behaviour on the wire is tested in {@code dev.ecsimage.api.EcsClientHttpTest}. */
class HttpTransportTest {
    @Test
    void defaultsAreTenSecondsToConnectThirtyToReadAndSignatureV3() {
        assertEquals(new HttpTransport.Settings(Duration.ofSeconds(10), Duration.ofSeconds(30), SignatureVersion.v3,
                "ecs-image"), HttpTransport.Settings.defaults());
    }

    @Test
    void randomNoncesAreFresh() {
        var nonces = HttpTransport.randomNonces();
        assertEquals(100, java.util.stream.Stream.generate(nonces).limit(100).distinct().count());
    }

    @Test
    void boundsAreNamedInSeconds() {
        assertEquals("3s", HttpTransport.seconds(Duration.ofSeconds(3)));
        assertEquals("0.5s", HttpTransport.seconds(Duration.ofMillis(500)));
        assertEquals("1.25s", HttpTransport.seconds(Duration.ofMillis(1250)));
        assertEquals("30s", HttpTransport.seconds(Duration.ofSeconds(30)));
    }
}
