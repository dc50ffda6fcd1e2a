package dev.ecsimage.api;

import dev.ecsimage.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecsimage.auth.Credentials;
import dev.ecsimage.auth.RefreshingCredentialsProvider;
import dev.ecsimage.transport.ApiCall;
import dev.ecsimage.transport.RawResponse;
import dev.ecsimage.transport.RetryPolicy;
import dev.ecsimage.transport.Transport;
import dev.ecsimage.watch.CopyWatcher;
import dev.ecsimage.watch.Outcome;
import dev.ecsimage.watch.Target;
import dev.ecsimage.watch.TargetResult;
import dev.ecsimage.watch.WatchListener;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Temporary credentials seen from the API client: an expired token forces one renewal and one
 * retry, credentials expiring in the middle of a wait are renewed for the next poll, and a failed
 * renewal after expiry is retried like any transient failure.
 */
class CredentialRenewalTest {
    private static final Instant NOW = Instant.parse("2026-11-27T21:00:00Z");
    private static final String EXPIRED = "{\"RequestId\":\"R-X\",\"Code\":\"InvalidSecurityToken.Expired\","
            + "\"Message\":\"Specified SecurityToken is expired.\"}";
    private static final String NO_IMAGES = "{\"RequestId\":\"R-OK\",\"TotalCount\":0,\"Images\":{\"Image\":[]}}";

    final ManualClock clock = new ManualClock(NOW);
    final List<Duration> sleeps = new ArrayList<>();
    /** Each fetch of the credentials source takes the next entry: an expiration, or an exception to throw. */
    final Deque<Object> issues = new ArrayDeque<>();
    int issued;
    final RefreshingCredentialsProvider credentials = new RefreshingCredentialsProvider(() -> {
        Object next = issues.poll();
        if (next instanceof RuntimeException e) {
            throw e;
        }
        issued++;
        return new Credentials("STS.ISSUED000" + issued, "secret", "token-" + issued, (Instant) next, "sts test");
    }, clock, line -> { });

    /** Like HttpTransport: asks for the credentials on every attempt; answers from a script. */
    final class ScriptedTransport implements Transport {
        final Deque<RawResponse> answers = new ArrayDeque<>();
        final List<String> keyIds = new ArrayList<>();
        int rejected;

        ScriptedTransport answer(int status, String body) {
            answers.add(new RawResponse(status, body, "http://127.0.0.1", ""));
            return this;
        }

        @Override
        public RawResponse send(ApiCall call) throws IOException {
            keyIds.add(credentials.credentials().accessKeyId());
            return answers.isEmpty() ? new RawResponse(200, NO_IMAGES, "http://127.0.0.1", "") : answers.poll();
        }

        @Override
        public void credentialsRejected() {
            rejected++;
            credentials.invalidate();
        }
    }

    private EcsClient client(Transport transport) {
        return new EcsClient(transport, new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(20), () -> 0.5),
                sleeps::add, null);
    }

    @Test
    void anExpiredTokenIsRenewedAndTheCallTriedOnceMore() throws InterruptedException {
        issues.add(NOW.plus(Duration.ofHours(1)));
        issues.add(NOW.plus(Duration.ofHours(2)));
        ScriptedTransport transport = new ScriptedTransport().answer(400, EXPIRED);
        assertEquals(List.of(), client(transport).describeImages("cn-hangzhou", List.of("m-1"), null, null));
        assertEquals(List.of("STS.ISSUED0001", "STS.ISSUED0002"), transport.keyIds);
        assertEquals(1, transport.rejected);
        assertEquals(List.of(), sleeps);
    }

    @Test
    void aSecondExpiredTokenIsNotRetried() {
        issues.add(NOW.plus(Duration.ofHours(1)));
        issues.add(NOW.plus(Duration.ofHours(1)));
        ScriptedTransport transport = new ScriptedTransport().answer(400, EXPIRED).answer(400, EXPIRED);
        EcsException e = assertThrows(EcsException.class,
                () -> client(transport).describeImages("cn-hangzhou", List.of("m-1"), null, null));
        assertEquals("InvalidSecurityToken.Expired", e.code());
        assertEquals(ErrorKind.DENIED, e.kind());
        assertEquals(2, transport.keyIds.size());
        assertEquals(1, transport.rejected);
    }

    @Test
    void aFailedRenewalAfterExpiryIsRetriedWithBackoff() throws InterruptedException {
        issues.add(NOW.plus(Duration.ofHours(1)));
        issues.add(EcsException.network("STS AssumeRoleWithOIDC of r at https://sts.aliyuncs.com: no answer", null));
        issues.add(NOW.plus(Duration.ofHours(3)));
        ScriptedTransport transport = new ScriptedTransport();
        EcsClient client = client(transport);
        client.describeImages("cn-hangzhou", List.of("m-1"), null, null);
        clock.advance(Duration.ofHours(2));
        client.describeImages("cn-hangzhou", List.of("m-1"), null, null);
        assertEquals(List.of("STS.ISSUED0001", "STS.ISSUED0002"), transport.keyIds);
        assertEquals(List.of(Duration.ofMillis(100)), sleeps);
    }

    @Test
    void credentialsExpiringDuringAWaitAreRenewedForTheNextPoll() throws InterruptedException {
        issues.add(NOW.plus(Duration.ofHours(1)));
        issues.add(NOW.plus(Duration.ofHours(2)));
        ScriptedTransport transport = new ScriptedTransport();
        for (String status : List.of("Creating", "Creating", "Creating", "Creating", "Available")) {
            transport.answer(200, "{\"RequestId\":\"R\",\"TotalCount\":1,\"Images\":{\"Image\":[{\"ImageId\":\"m-1\","
                    + "\"Status\":\"" + status + "\",\"Progress\":\"50%\"}]}}");
        }
        CopyWatcher watcher = new CopyWatcher(client(transport), clock, duration -> {
            sleeps.add(duration);
            clock.advance(duration);
        }, new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.5));
        List<TargetResult> results = watcher.watch(List.of(new Target("cn-beijing", "m-1", true)),
                new CopyWatcher.Options(CopyWatcher.Goal.FINAL_STATE, Duration.ofMinutes(20), null), new WatchListener() { });
        assertEquals(Outcome.AVAILABLE, results.get(0).outcome());
        assertEquals(List.of("STS.ISSUED0001", "STS.ISSUED0001", "STS.ISSUED0001", "STS.ISSUED0002", "STS.ISSUED0002"),
                transport.keyIds);
    }
}
