package dev.ecsimage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecsimage.output.Language;
import dev.ecsimage.output.Messages;
import dev.ecsimage.testing.ManualClock;
import dev.ecsimage.transport.RetryPolicy;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client's deadline (no attempt after it, backoff cut to it, the time left handed to the
 * transport) and its retry listener (one line per retry, before the wait), with a scripted
 * transport and fake time.
 */
class DeadlineAndRetryListenerTest {
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
    private static final String UNAVAILABLE = "{\"RequestId\":\"r\",\"Code\":\"ServiceUnavailable\",\"Message\":\"later\"}";
    private static final String NO_IMAGES = "{\"RequestId\":\"r\",\"TotalCount\":0,\"Images\":{\"Image\":[]}}";

    private final ManualClock clock = new ManualClock(NOW);
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<Retry> retries = new ArrayList<>();
    private final ScriptedTransport transport = new ScriptedTransport();

    /** Backoff base 400 ms, random 0.5: waits of 200, 400, 800 ms...; sleeping moves the clock. */
    private EcsClient client(int maxAttempts, Duration base) {
        return new EcsClient(transport, new RetryPolicy(maxAttempts, base, Duration.ofSeconds(20), () -> 0.5),
                d -> {
                    sleeps.add(d);
                    clock.advance(d);
                }, null);
    }

    private static List<Duration> millis(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Duration::ofMillis).toList();
    }

    @Test
    void aBackoffThatWouldPassTheDeadlineIsCutToItAndNoAttemptFollows() {
        transport.otherwise(call -> UNAVAILABLE);
        for (int i = 0; i < 5; i++) {
            transport.answer(503, UNAVAILABLE);
        }
        EcsClient client = client(10, Duration.ofMillis(400)).withDeadline(NOW.plusSeconds(1), clock);

        DeadlineReachedException e = assertThrows(DeadlineReachedException.class,
                () -> client.describeImages("cn-shanghai", List.of("m-1"), null, null));

        assertEquals(3, transport.calls().size());
        assertEquals(millis(200, 400, 400), sleeps);
        assertEquals(NOW.plusSeconds(1), clock.instant());
        assertEquals("DescribeImages in cn-shanghai: time limit reached after 3 attempts "
                + "(last: ServiceUnavailable (HTTP 503))", e.getMessage());
        assertEquals(DeadlineReachedException.CODE, e.code());
        assertEquals("r", e.requestId());
        assertEquals(ErrorKind.UNAVAILABLE, e.kind());
        assertFalse(e.isTransient());
        assertEquals(millis(1000, 800, 400), transport.timesLeft());
    }

    @Test
    void afterTheDeadlineNoAttemptStarts() {
        EcsClient client = client(5, Duration.ofMillis(400)).withDeadline(NOW, clock);

        DeadlineReachedException e = assertThrows(DeadlineReachedException.class,
                () -> client.cancelCopyImage("cn-shanghai", "m-1"));

        assertEquals("CancelCopyImage in cn-shanghai: time limit reached before the first attempt", e.getMessage());
        assertEquals(0, transport.calls().size());
        assertEquals(List.of(), sleeps);
        assertNull(e.requestId());
    }

    @Test
    void aShortTimeLimitBoundsOneCallAndLeavesTheClientAsItWas() throws Exception {
        transport.answer(503, UNAVAILABLE).answer(503, UNAVAILABLE).otherwise(call -> NO_IMAGES);
        EcsClient client = client(5, Duration.ofSeconds(16));

        assertThrows(DeadlineReachedException.class,
                () -> client.withTimeLimit(Duration.ofSeconds(10), clock).cancelCopyImage("cn-shanghai", "m-1"));
        assertEquals(millis(8000, 2000), sleeps);

        assertEquals(List.of(), client.describeImages("cn-shanghai", List.of("m-1"), null, null));
        assertEquals(3, transport.calls().size());
        assertEquals(java.util.Arrays.asList(Duration.ofSeconds(10), Duration.ofSeconds(2), null), transport.timesLeft());
    }

    @Test
    void anAttemptCutByTheTransportAtTheDeadlineIsDeadlineReached() {
        transport.fail(new dev.ecsimage.transport.CallDeadlineException("time limit reached"));
        EcsClient client = client(5, Duration.ofMillis(400)).withTimeLimit(Duration.ofSeconds(3), clock);

        DeadlineReachedException e = assertThrows(DeadlineReachedException.class,
                () -> client.describeImages("cn-shanghai", List.of("m-1"), null, null));

        assertEquals("DescribeImages in cn-shanghai: time limit reached during attempt 1", e.getMessage());
        assertEquals(1, transport.calls().size());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void everyRetryIsToldBeforeItsWaitAsOneLine() throws Exception {
        transport.fail(new SocketTimeoutException("Read timed out"))
                .answer(400, "{\"RequestId\":\"r\",\"Code\":\"Throttling.User\",\"Message\":\"slow down\"}")
                .answer(200, "<html>proxy</html>")
                .answer(503, UNAVAILABLE)
                .otherwise(call -> NO_IMAGES);
        EcsClient client = client(5, Duration.ofMillis(2400)).withRetryListener(retries::add);

        client.describeImages("cn-shanghai", List.of("m-1"), null, null);

        assertEquals(List.of(
                "DescribeImages in cn-shanghai: Read timed out; retrying (2/5) in 1.2s",
                "DescribeImages in cn-shanghai: Throttling.User; retrying (3/5) in 2.4s",
                "DescribeImages in cn-shanghai: unreadable answer (HTTP 200); retrying (4/5) in 4.8s",
                "DescribeImages in cn-shanghai: ServiceUnavailable (HTTP 503); retrying (5/5) in 9.6s"),
                retries.stream().map(DeadlineAndRetryListenerTest::line).toList());
        assertEquals(new Retry("DescribeImages", "cn-shanghai", "Read timed out", 2, 5, Duration.ofMillis(1200)),
                retries.get(0));
        assertEquals(millis(1200, 2400, 4800, 9600), sleeps);
    }

    @Test
    void noRetryNoLine() {
        transport.answer(503, UNAVAILABLE).answer(503, UNAVAILABLE)
                .answer(403, "{\"RequestId\":\"r\",\"Code\":\"Forbidden.RAM\",\"Message\":\"no\"}");
        EcsClient client = client(2, Duration.ofMillis(400)).withRetryListener(retries::add);

        assertThrows(EcsException.class, () -> client.cancelCopyImage("cn-shanghai", "m-1"));
        assertThrows(EcsException.class, () -> client.cancelCopyImage("cn-shanghai", "m-1"));

        assertEquals(List.of("CancelCopyImage in cn-shanghai: ServiceUnavailable (HTTP 503); retrying (2/2) in 0.2s"),
                retries.stream().map(DeadlineAndRetryListenerTest::line).toList());
    }

    @Test
    void theRetryLineRoundsToATenthOfASecond() {
        assertEquals("CopyImage in cn-beijing: connection refused; retrying (3/5) in 0.0s",
                line(new Retry("CopyImage", "cn-beijing", "connection refused", 3, 5, Duration.ofMillis(49))));
        assertEquals("CopyImage in cn-beijing: connection refused; retrying (3/5) in 20.0s",
                line(new Retry("CopyImage", "cn-beijing", "connection refused", 3, 5, Duration.ofSeconds(20))));
    }

    /** The retry as an English run says it (cli/RetryNotes). */
    private static String line(Retry r) {
        return Messages.of(Language.en).get("progress.retrying", r.action(), r.region(), r.reason(), r.attempt(),
                r.maxAttempts(), r.delayText());
    }

    @Test
    void aNetworkFailureSaysWhatHappenedInWords() throws IOException {
        transport.fail(new java.net.ConnectException("Connection refused"));
        EcsException e = assertThrows(EcsException.class, () -> client(1, Duration.ofMillis(400))
                .cancelCopyImage("cn-shanghai", "m-1"));
        assertEquals("CancelCopyImage in cn-shanghai failed: connection refused", e.getMessage());
        assertEquals(EcsException.NETWORK_ERROR, e.code());
    }
}
