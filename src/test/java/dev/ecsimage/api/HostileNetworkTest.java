package dev.ecsimage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.auth.Credentials;
import dev.ecsimage.testing.ManualClock;
import dev.ecsimage.transport.Endpoints;
import dev.ecsimage.transport.HttpTransport;
import dev.ecsimage.transport.RetryPolicy;
import dev.ecsimage.transport.SignatureVersion;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real {@link HttpTransport} against servers that misbehave on the socket: a server that
 * drips its answer a byte at a time, one whose body never ends, one that never answers, a proxy
 * that drips its CONNECT answer. Every attempt must end within its bound, and every call within
 * its attempts (or its deadline). Real sockets: the behaviour under test lives in them.
 */
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without the bounds these calls never return
class HostileNetworkTest {
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
    private static final Duration BOUND = Duration.ofMillis(400);

    private final List<Duration> sleeps = new ArrayList<>();
    private MisbehavingServer server;
    private EcsClient client;

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private EcsClient client(URI endpoint, Map<String, String> env, Duration connectTimeout, Duration readTimeout,
                             int maxAttempts) {
        HttpTransport transport = new HttpTransport(Endpoints.fixed(endpoint), () -> Credentials.of("ak", "secret", null, "t"),
                new HttpTransport.Settings(connectTimeout, readTimeout, SignatureVersion.v3, "test"), env,
                new ManualClock(NOW), () -> "nonce");
        client = new EcsClient(transport, new RetryPolicy(maxAttempts, Duration.ofMillis(200), Duration.ofSeconds(20),
                () -> 0.5), sleeps::add, null);
        return client;
    }

    private static void send(OutputStream out, String text) throws java.io.IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void headersDrippedForeverEndEachAttemptAtTheReadTimeout() throws Exception {
        server = new MisbehavingServer((in, out) -> MisbehavingServer.drip(out, "HTTP/1.1 200 OK\r\nX-Slow: yes", 50));
        long start = System.nanoTime();

        EcsException e = assertThrows(EcsException.class, () -> client(server.uri(), Map.of(), Duration.ofSeconds(5),
                BOUND, 2).describeImages("cn-shanghai", List.of("m-1"), null, null));

        assertEquals("DescribeImages in cn-shanghai failed: Read timed out (answer not complete after 0.4s)", e.getMessage());
        assertEquals(EcsException.NETWORK_ERROR, e.code());
        assertEquals(ErrorKind.UNAVAILABLE, e.kind());
        assertEquals(2, server.connections());
        assertEquals(2, server.ended(5));
        assertEquals(List.of(Duration.ofMillis(100)), sleeps);
        long elapsed = millisSince(start);
        assertTrue(elapsed >= 2 * BOUND.toMillis() && elapsed < 2 * BOUND.toMillis() + 2500, elapsed + " ms");
    }

    @Test
    void aBodyDrippedForeverEndsEachAttemptAtTheReadTimeout() throws Exception {
        server = new MisbehavingServer((in, out) -> {
            send(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n");
            MisbehavingServer.drip(out, "{\"RequestId\":\"r\"", 50);
        });
        long start = System.nanoTime();

        EcsException e = assertThrows(EcsException.class, () -> client(server.uri(), Map.of(), Duration.ofSeconds(5),
                BOUND, 2).cancelCopyImage("cn-shanghai", "m-1"));

        assertEquals("CancelCopyImage in cn-shanghai failed: Read timed out (answer not complete after 0.4s)",
                e.getMessage());
        assertEquals(2, server.connections());
        assertEquals(2, server.ended(5));
        assertTrue(millisSince(start) < 2 * BOUND.toMillis() + 2500, millisSince(start) + " ms");
    }

    @Test
    void anEndlessBodyIsCutAt16MiBAbortedNotDrainedAndRetried() throws Exception {
        byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        server = new MisbehavingServer((in, out) -> {
            send(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            while (true) {
                out.write(chunk);
            }
        });

        EcsException e = assertThrows(EcsException.class, () -> client(server.uri(), Map.of(), Duration.ofSeconds(5),
                Duration.ofSeconds(20), 2).describeImages("cn-shanghai", List.of("m-1"), null, null));

        assertEquals(EcsException.BAD_RESPONSE, e.code());
        assertEquals(200, e.httpStatus());
        assertTrue(e.isTransient());
        assertEquals("the answer from " + server.uri() + " (HTTP 200) is longer than 16 MiB; not read", e.getMessage());
        assertEquals(2, server.connections());
        assertEquals(2, server.ended(5), "the client closed each connection instead of draining it");
        assertEquals(List.of(Duration.ofMillis(100)), sleeps);
    }

    @Test
    void aDeclaredLengthOver16MiBIsNotReadAtAll() throws Exception {
        server = new MisbehavingServer((in, out) -> {
            send(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 16777217\r\n\r\n");
            MisbehavingServer.silence(in);
        });

        EcsException e = assertThrows(EcsException.class, () -> client(server.uri(), Map.of(), Duration.ofSeconds(5),
                Duration.ofSeconds(20), 1).cancelCopyImage("cn-shanghai", "m-1"));

        assertEquals("the answer from " + server.uri() + " (HTTP 200) is longer than 16 MiB; not read", e.getMessage());
        assertEquals(1, server.ended(5));
    }

    @Test
    void anAttemptInFlightIsAbortedAtTheClientsDeadline() throws Exception {
        server = new MisbehavingServer((in, out) -> MisbehavingServer.silence(in));
        ManualClock clock = new ManualClock(NOW);
        EcsClient bounded = client(server.uri(), Map.of(), Duration.ofSeconds(10), Duration.ofSeconds(30), 5)
                .withDeadline(NOW.plus(BOUND), clock);
        long start = System.nanoTime();

        DeadlineReachedException e = assertThrows(DeadlineReachedException.class,
                () -> bounded.describeImages("cn-shanghai", List.of("m-1"), null, null));

        long elapsed = millisSince(start);
        assertTrue(elapsed >= BOUND.toMillis() - 50 && elapsed < BOUND.toMillis() + 1500, elapsed + " ms");
        assertEquals("DescribeImages in cn-shanghai: time limit reached during attempt 1", e.getMessage());
        assertEquals(DeadlineReachedException.CODE, e.code());
        assertFalse(e.isTransient());
        assertEquals(1, server.connections());
        assertEquals(1, server.ended(5));
        assertEquals(List.of(), sleeps);
    }

    @Test
    void aProxyThatDripsItsConnectAnswerEndsEachAttemptAtTheConnectTimeout() throws Exception {
        server = new MisbehavingServer((in, out) -> MisbehavingServer.drip(out, "HTTP/1.1 200 Connection established", 50));
        long start = System.nanoTime();

        EcsException e = assertThrows(EcsException.class, () -> client(URI.create("https://ecs.cn-shanghai.aliyuncs.com"),
                Map.of("HTTPS_PROXY", server.uri().toString()), BOUND, Duration.ofSeconds(30), 2)
                .describeImages("cn-shanghai", List.of("m-1"), null, null));

        assertEquals("DescribeImages in cn-shanghai failed: connect timed out (no connection within 0.4s)", e.getMessage());
        assertEquals(2, server.connections());
        assertEquals(2, server.ended(5));
        assertTrue(millisSince(start) < 2 * BOUND.toMillis() + 2500, millisSince(start) + " ms");
    }
}
