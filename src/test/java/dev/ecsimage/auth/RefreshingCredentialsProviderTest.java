package dev.ecsimage.auth;

import dev.ecsimage.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecsimage.api.EcsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the cache fetches, keeps or gives up, with a scripted source and a hand-moved clock. */
class RefreshingCredentialsProviderTest {
    private static final Instant NOW = Instant.parse("2026-11-27T21:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofHours(1));

    final ManualClock clock = new ManualClock(NOW);
    final List<String> lines = new ArrayList<>();
    /** Each fetch takes the next entry: credentials to return, or an exception to throw. */
    final Deque<Object> script = new ArrayDeque<>();
    int fetches;
    final RefreshingCredentialsProvider provider = new RefreshingCredentialsProvider(() -> {
        fetches++;
        Object next = script.poll();
        if (next instanceof RuntimeException e) {
            throw e;
        }
        return (Credentials) next;
    }, clock, lines::add);

    private static Credentials issued(int n, Instant expiration) {
        return new Credentials("STS.ISSUED000" + n, "secret-" + n, "token-" + n, expiration, "sts test");
    }

    @Test
    void cachedUntilThreeMinutesBeforeExpiry() {
        script.add(issued(1, EXPIRES));
        script.add(issued(2, EXPIRES.plus(Duration.ofHours(1))));
        assertEquals("STS.ISSUED0001", provider.credentials().accessKeyId());
        clock.advance(Duration.ofMinutes(57).minusSeconds(1));
        assertEquals("STS.ISSUED0001", provider.credentials().accessKeyId());
        assertEquals(1, fetches);
        clock.advance(Duration.ofSeconds(1));
        assertEquals("STS.ISSUED0002", provider.credentials().accessKeyId());
        assertEquals(2, fetches);
        assertEquals(List.of("credentials: sts test (STS.****0001), expires 2026-11-27T22:00:00Z",
                "credentials: sts test (STS.****0002), expires 2026-11-27T23:00:00Z"), lines);
    }

    @Test
    void aFailedRefreshKeepsValidCredentialsAndTriesAgainNextTime() {
        script.add(issued(1, EXPIRES));
        script.add(EcsException.network("STS AssumeRole of r at https://sts.aliyuncs.com: no answer (Read timed out)", null));
        script.add(issued(2, EXPIRES.plus(Duration.ofHours(1))));
        Credentials first = provider.credentials();
        clock.advance(Duration.ofMinutes(58));
        assertSame(first, provider.credentials());
        assertEquals("credentials: refresh failed, keeping the current ones until 2026-11-27T22:00:00Z: NetworkError: "
                + "STS AssumeRole of r at https://sts.aliyuncs.com: no answer (Read timed out)", lines.get(1));
        assertEquals("STS.ISSUED0002", provider.credentials().accessKeyId());
        assertEquals(3, fetches);
    }

    @Test
    void onceExpiredTheRefreshFailureIsThrownAsItIs() {
        script.add(issued(1, EXPIRES));
        EcsException outage = EcsException.network("STS AssumeRole: no answer", null);
        script.add(outage);
        script.add(issued(2, EXPIRES.plus(Duration.ofHours(2))));
        provider.credentials();
        clock.advance(Duration.ofHours(1));
        EcsException thrown = assertThrows(EcsException.class, provider::credentials);
        assertSame(outage, thrown);
        assertEquals(true, thrown.isTransient());
        assertEquals("STS.ISSUED0002", provider.credentials().accessKeyId());
    }

    @Test
    void invalidateForcesAFetchAndDoesNotFallBackToTheRejectedOnes() {
        script.add(issued(1, EXPIRES));
        script.add(new ConfigException("OIDC token file /t of x is empty"));
        script.add(issued(2, EXPIRES));
        provider.credentials();
        provider.invalidate();
        assertEquals("OIDC token file /t of x is empty",
                assertThrows(ConfigException.class, provider::credentials).getMessage());
        assertEquals("STS.ISSUED0002", provider.credentials().accessKeyId());
        assertEquals("STS.ISSUED0002", provider.credentials().accessKeyId());
        assertEquals(3, fetches);
    }
}
