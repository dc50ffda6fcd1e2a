package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsimage.auth.Credentials;
import dev.ecsimage.auth.CredentialsProvider;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The transport passes the service's rejection of a token on to its credentials provider. */
class HttpTransportCredentialsTest {
    @Test
    void rejectedCredentialsAreInvalidated() {
        int[] invalidated = {0};
        CredentialsProvider provider = new CredentialsProvider() {
            @Override
            public Credentials credentials() {
                return Credentials.of("LTAIabcdefgh1234", "secret", null, "test");
            }

            @Override
            public void invalidate() {
                invalidated[0]++;
            }
        };
        try (HttpTransport transport = new HttpTransport(Endpoints.fixed(URI.create("http://127.0.0.1:9")), provider,
                HttpTransport.Settings.defaults(), Map.of(), Clock.systemUTC(), () -> "nonce")) {
            transport.credentialsRejected();
        }
        assertEquals(1, invalidated[0]);
    }
}
