package dev.ecsimage.api;

import dev.ecsimage.testing.ManualClock;
import static dev.ecsimage.api.FakeEcsServer.Fault.FORBIDDEN;
import static dev.ecsimage.api.FakeEcsServer.Fault.GARBAGE;
import static dev.ecsimage.api.FakeEcsServer.Fault.RESET_AFTER_ACTING;
import static dev.ecsimage.api.FakeEcsServer.Fault.RESET_BEFORE_ACTING;
import static dev.ecsimage.api.FakeEcsServer.Fault.SLOW;
import static dev.ecsimage.api.FakeEcsServer.Fault.THROTTLE;
import static dev.ecsimage.api.FakeEcsServer.Fault.UNAVAILABLE_503;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsimage.auth.Credentials;
import dev.ecsimage.transport.Endpoints;
import dev.ecsimage.transport.HttpTransport;
import dev.ecsimage.transport.RetryPolicy;
import dev.ecsimage.transport.SignatureVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real {@link HttpTransport} and {@link EcsClient} against {@link FakeEcsServer}: every request's
 * signature checked independently, faults injected, backoff recorded instead of slept.
 */
class EcsClientHttpTest {
    private static final String AK = "test-ak";
    private static final String SECRET = "test-secret-do-not-log";
    private static final String TOKEN = "test-token-do-not-log";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private FakeEcsServer server;
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> verbose = new ArrayList<>();
    private EcsClient client;

    /** A clock that moves one second on every reading, so every attempt gets a new timestamp. */
    private static final class SteppingClock extends ManualClock {
        SteppingClock() {
            super(Instant.parse("2026-01-02T03:04:05Z"));
        }

        @Override
        public synchronized Instant instant() {
            Instant now = super.instant();
            advance(Duration.ofSeconds(1));
            return now;
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new FakeEcsServer(AK, SECRET);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private EcsClient client(SignatureVersion version, int maxAttempts, Duration readTimeout, String secret,
                             String token) {
        return client(Endpoints.fixed(server.uri()), Map.of(), version, maxAttempts, readTimeout, secret, token);
    }

    private EcsClient client(Endpoints endpoints, Map<String, String> env, SignatureVersion version,
                             int maxAttempts, Duration readTimeout, String secret, String token) {
        AtomicInteger nonces = new AtomicInteger();
        HttpTransport transport = new HttpTransport(endpoints, () -> Credentials.of(AK, secret, token, "test"),
                new HttpTransport.Settings(Duration.ofSeconds(2), readTimeout, version, "ecs-image-test"),
                env, new SteppingClock(), () -> "nonce-" + nonces.incrementAndGet());
        client = new EcsClient(transport, new RetryPolicy(maxAttempts, RetryPolicy.DEFAULT_BASE,
                RetryPolicy.DEFAULT_CAP, () -> 0.5), sleeps::add, verbose::add);
        return client;
    }

    private EcsClient client(SignatureVersion version) {
        return client(version, RetryPolicy.DEFAULT_MAX_ATTEMPTS, READ_TIMEOUT, SECRET, null);
    }

    private EcsClient client() {
        return client(SignatureVersion.v3);
    }

    private static CopyImageRequest copy(String token) {
        return new CopyImageRequest("cn-beijing", "m-source", "cn-shanghai", "中文 copy*~+/😀", "a b",
                false, null, null, List.of(new Tag("team", "ops & dev"), new Tag("empty", "")), token, false);
    }

    private List<String> nonces() {
        return server.seen().stream().map(FakeEcsServer.Seen::nonce).toList();
    }

    private List<String> timestamps() {
        return server.seen().stream().map(FakeEcsServer.Seen::timestamp).toList();
    }

    private void assertAllSignaturesValid() {
        assertTrue(server.seen().stream().allMatch(FakeEcsServer.Seen::signatureValid), () -> server.seen().toString());
    }

    private static List<Duration> millis(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Duration::ofMillis).toList();
    }

    private void assertNoSecretLeaked(Throwable... failures) {
        for (String line : verbose) {
            assertFalse(line.contains(SECRET) || line.contains(TOKEN), line);
        }
        for (Throwable t : failures) {
            assertFalse(t.getMessage().contains(SECRET) || t.getMessage().contains(TOKEN), t.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureVersion.class)
    void copyImageIsOneSignedRequestCarryingEveryParameter(SignatureVersion version) throws Exception {
        CopyImageResult result = client(version).copyImage(copy("token-1"));

        assertEquals(new CopyImageResult("m-copy-1", "req-1", false), result);
        assertEquals(1, server.seen().size());
        FakeEcsServer.Seen seen = server.seen().get(0);
        assertTrue(seen.signatureValid());
        assertEquals(version.name(), seen.signatureVersion());
        assertEquals("CopyImage", seen.action());
        assertEquals("nonce-1", seen.nonce());
        assertEquals("2026-01-02T03:04:05Z", seen.timestamp());
        assertEquals("中文 copy*~+/😀", seen.params().get("DestinationImageName"));
        assertEquals("token-1", seen.params().get("ClientToken"));
        assertEquals("ops & dev", seen.params().get("Tag.1.Value"));
        assertFalse(seen.params().containsKey("Tag.2.Value"), "empty values are not sent");
        assertFalse(seen.params().containsKey("KMSKeyId"));
        assertEquals(1, server.copies());
    }

    @ParameterizedTest
    @EnumSource(SignatureVersion.class)
    void stsTokenIsSentSignedAndNeverLogged(SignatureVersion version) throws Exception {
        client(version, 5, READ_TIMEOUT, SECRET, TOKEN).copyImage(copy("token-1"));

        assertAllSignaturesValid();
        if (version == SignatureVersion.v1) {
            assertEquals(TOKEN, server.seen().get(0).params().get("SecurityToken"));
        }
        assertNoSecretLeaked();
    }

    @ParameterizedTest
    @EnumSource(SignatureVersion.class)
    void throttlingIsRetriedWithAFreshNonceAndTimestampEachTime(SignatureVersion version) throws Exception {
        server.inject(THROTTLE, THROTTLE);

        assertEquals("m-copy-1", client(version).copyImage(copy("token-1")).imageId());

        assertEquals(3, server.seen().size());
        assertAllSignaturesValid();
        assertEquals(List.of("nonce-1", "nonce-2", "nonce-3"), nonces());
        assertEquals(List.of("2026-01-02T03:04:05Z", "2026-01-02T03:04:06Z", "2026-01-02T03:04:07Z"), timestamps());
        assertEquals(millis(100, 200), sleeps);
        assertEquals(1, server.copies());
    }

    @Test
    void serviceUnavailableIsRetried() throws Exception {
        server.inject(UNAVAILABLE_503, UNAVAILABLE_503, UNAVAILABLE_503);

        assertEquals("m-copy-1", client().copyImage(copy("token-1")).imageId());

        assertEquals(4, server.seen().size());
        assertEquals(millis(100, 200, 400), sleeps);
    }

    @ParameterizedTest
    @CsvSource({
            "RESET_BEFORE_ACTING, 'no answer, the server closed the connection without answering'",
            "GARBAGE, 'HTTP 200, UnexpectedResponse'",
            "UNAVAILABLE_503, 'HTTP 503, ServiceUnavailable'",
    })
    void oneTransientFailureIsRetriedOnce(FakeEcsServer.Fault fault, String firstAttempt) throws Exception {
        server.inject(fault);

        assertEquals("m-copy-1", client().copyImage(copy("token-1")).imageId());

        assertEquals(2, server.seen().size());
        assertEquals(1, server.copies());
        assertTrue(verbose.get(0).startsWith("CopyImage " + server.uri() + " attempt 1: " + firstAttempt),
                verbose.get(0));
    }

    @ParameterizedTest
    @EnumSource(SignatureVersion.class)
    void resetAfterActingMakesExactlyOneCopyPerClientToken(SignatureVersion version) throws Exception {
        server.inject(RESET_AFTER_ACTING);

        assertEquals("m-copy-1", client(version).copyImage(copy("token-1")).imageId());

        assertEquals(2, server.seen().size());
        assertEquals(List.of("token-1", "token-1"),
                server.seen().stream().map(s -> s.params().get("ClientToken")).toList());
        assertEquals(List.of("nonce-1", "nonce-2"), nonces());
        assertEquals(1, server.copies());
        assertAllSignaturesValid();
    }

    @Test
    void anotherClientTokenIsAnotherCopy() throws Exception {
        EcsClient c = client();
        assertEquals("m-copy-1", c.copyImage(copy("token-1")).imageId());
        assertEquals("m-copy-2", c.copyImage(copy("token-2")).imageId());
        assertEquals("m-copy-1", c.copyImage(copy("token-1")).imageId());
        assertEquals(2, server.copies());
    }

    @Test
    void copyImageWithoutClientTokenIsRefusedBeforeSending() {
        assertThrows(IllegalArgumentException.class, () -> client().copyImage(copy(null)));
        assertThrows(IllegalArgumentException.class, () -> client().copyImage(copy("")));
        assertEquals(0, server.seen().size());
    }

    @Test
    void dryRunPassesWithoutCopying() throws Exception {
        CopyImageRequest dry = new CopyImageRequest("cn-beijing", "m-source", "cn-shanghai", "name", null,
                false, null, null, List.of(), "token-1", true);

        assertEquals(new CopyImageResult(null, "req-1", true), client().copyImage(dry));
        assertEquals("true", server.seen().get(0).params().get("DryRun"));
        assertEquals(0, server.copies());
    }

    @ParameterizedTest
    @EnumSource(SignatureVersion.class)
    void cancelAfterALostAnswerThatThenHearsNotFoundCountsAsCancelled(SignatureVersion version) throws Exception {
        server.addImage("m-copy-9", "cn-shanghai");
        server.inject(RESET_AFTER_ACTING);

        assertEquals("req-2", client(version).cancelCopyImage("cn-shanghai", "m-copy-9"));

        assertEquals(2, server.seen().size());
        assertFalse(server.exists("m-copy-9"));
        assertEquals("cn-shanghai", server.seen().get(1).params().get("RegionId"));
    }

    @Test
    void cancelOfAnUnknownImageIsNotFoundAtOnce() {
        EcsException e = assertThrows(EcsException.class, () -> client().cancelCopyImage("cn-shanghai", "m-none"));

        assertEquals("InvalidImageId.NotFound", e.code());
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertEquals(404, e.httpStatus());
        assertEquals(1, server.seen().size());
    }

    @Test
    void cancelAfterThrottlingThenNotFoundIsStillNotFound() {
        server.inject(THROTTLE);

        EcsException e = assertThrows(EcsException.class, () -> client().cancelCopyImage("cn-shanghai", "m-none"));

        assertEquals("InvalidImageId.NotFound", e.code());
        assertEquals(2, server.seen().size());
    }

    @Test
    void maxAttemptsIsHonoured() {
        server.inject(THROTTLE, THROTTLE, THROTTLE, THROTTLE, THROTTLE);

        EcsException e = assertThrows(EcsException.class,
                () -> client(SignatureVersion.v3, 3, READ_TIMEOUT, SECRET, null).copyImage(copy("token-1")));

        assertEquals("Throttling.User", e.code());
        assertEquals(ErrorKind.UNAVAILABLE, e.kind());
        assertEquals("req-3", e.requestId());
        assertEquals(3, server.seen().size());
        assertEquals(millis(100, 200), sleeps);
        assertEquals(0, server.copies());
    }

    @Test
    void backoffIsFullJitterFromBase200MsCappedAt20s() {
        server.inject(IntStream.range(0, 10).mapToObj(i -> THROTTLE).toArray(FakeEcsServer.Fault[]::new));

        assertThrows(EcsException.class,
                () -> client(SignatureVersion.v3, 10, READ_TIMEOUT, SECRET, null).copyImage(copy("token-1")));

        assertEquals(10, server.seen().size());
        // half of min(20 s, 200 ms * 2^(n-1)): the fixed random is 0.5
        assertEquals(millis(100, 200, 400, 800, 1600, 3200, 6400, 10000, 10000), sleeps);
    }

    @Test
    void nonTransientErrorsAreNotRetried() {
        server.inject(FORBIDDEN);

        EcsException e = assertThrows(EcsException.class, () -> client().copyImage(copy("token-1")));

        assertEquals("Forbidden.RAM", e.code());
        assertEquals(ErrorKind.DENIED, e.kind());
        assertEquals(403, e.httpStatus());
        assertEquals("req-1", e.requestId());
        assertEquals("https://api.aliyun.com/troubleshoot?q=Forbidden.RAM", e.recommend());
        assertEquals(1, server.seen().size());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void garbageEveryTimeEndsInAClearError() {
        server.inject(GARBAGE, GARBAGE);

        EcsException e = assertThrows(EcsException.class,
                () -> client(SignatureVersion.v3, 2, READ_TIMEOUT, SECRET, null).copyImage(copy("token-1")));

        assertEquals("unexpected answer from " + server.uri() + ": HTTP 200, body starts with "
                + "\"<html><body>proxy says hi</body></html>\"", e.getMessage());
        assertEquals(ErrorKind.UNAVAILABLE, e.kind());
    }

    @Test
    void readTimeoutIsRetried() throws Exception {
        server.inject(SLOW);
        long start = System.nanoTime();

        EcsClient c = client(SignatureVersion.v3, 5, Duration.ofMillis(300), SECRET, null);
        assertEquals(List.of(), c.describeImages("cn-shanghai", null, Image.ALL_STATUSES, null));

        assertTrue(System.nanoTime() - start < FakeEcsServer.SLOW_MILLIS * 1_000_000, "did not wait for the slow answer");
        assertEquals(2, server.seen().size());
        assertEquals(millis(100), sleeps);
        assertTrue(verbose.get(0).startsWith("DescribeImages " + server.uri() + " attempt 1: no answer, "
                + "Read timed out"), verbose.get(0));
    }

    @Test
    void networkFailureEveryTimeEndsInANetworkError() {
        server.inject(RESET_BEFORE_ACTING, RESET_BEFORE_ACTING);

        EcsException e = assertThrows(EcsException.class,
                () -> client(SignatureVersion.v3, 2, READ_TIMEOUT, SECRET, null).copyImage(copy("token-1")));

        assertEquals(EcsException.NETWORK_ERROR, e.code());
        assertEquals(0, e.httpStatus());
        assertEquals(ErrorKind.UNAVAILABLE, e.kind());
        assertEquals("CopyImage in cn-beijing failed: the server closed the connection without answering", e.getMessage());
        assertEquals(2, server.seen().size());
    }

    @Test
    void proxyFromTheEnvironmentCarriesTheRequestSignedForTheRealHost() throws Exception {
        EcsClient c = client(Endpoints.fixed(java.net.URI.create("http://ecs.test.invalid:8089")),
                Map.of("HTTP_PROXY", server.uri().toString()), SignatureVersion.v3, 5, READ_TIMEOUT, SECRET, null);

        assertEquals("m-copy-1", c.copyImage(copy("token-1")).imageId());

        assertEquals(1, server.seen().size());
        assertAllSignaturesValid();
        assertTrue(verbose.get(0).startsWith("CopyImage http://ecs.test.invalid:8089 attempt 1: HTTP 200"), verbose.get(0));
    }

    @Test
    void refusedConnectionIsRetried() throws Exception {
        java.net.URI closed = server.uri();
        server.close();
        AtomicInteger nonces = new AtomicInteger();
        client = new EcsClient(new HttpTransport(Endpoints.fixed(closed), () -> Credentials.of(AK, SECRET, null, "t"),
                HttpTransport.Settings.defaults(), Map.of(), new SteppingClock(),
                () -> "n" + nonces.incrementAndGet()),
                new RetryPolicy(3, RetryPolicy.DEFAULT_BASE, RetryPolicy.DEFAULT_CAP, () -> 0.5), sleeps::add, verbose::add);

        EcsException e = assertThrows(EcsException.class, () -> client.copyImage(copy("token-1")));

        assertEquals(EcsException.NETWORK_ERROR, e.code());
        assertEquals(3, nonces.get());
        assertEquals(millis(100, 200), sleeps);
        assertEquals("CopyImage in cn-beijing failed: connection refused", e.getMessage());
    }

    @Test
    void describeImagesReadsEveryPage() throws Exception {
        for (int i = 1; i <= 101; i++) {
            server.addImage("m-" + i, "cn-shanghai");
        }
        server.addImage("m-elsewhere", "cn-beijing");

        List<Image> images = client().describeImages("cn-shanghai", null, Image.ALL_STATUSES, null);

        assertEquals(101, images.size());
        assertEquals(new Image("cn-shanghai", "m-101", null, "Creating", 47, null), images.get(100));
        assertEquals(List.of("1", "2"), server.seen().stream().map(s -> s.params().get("PageNumber")).toList());
        assertEquals(Image.ALL_STATUSES, server.seen().get(0).params().get("Status"));
        assertFalse(server.seen().get(0).params().containsKey("ImageId"));
    }

    @Test
    void describeImagesByIdSendsTheCommaList() throws Exception {
        server.addImage("m-1", "cn-shanghai");

        client().describeImages("cn-shanghai", List.of("m-1", "m-2"), null, "copy");

        assertEquals("m-1,m-2", server.seen().get(0).params().get("ImageId"));
        assertEquals("copy", server.seen().get(0).params().get("ImageName"));
        assertFalse(server.seen().get(0).params().containsKey("Status"));
    }

    @Test
    void describeImagesOfNoIdsAsksNothing() throws Exception {
        server.addImage("m-1", "cn-shanghai");

        assertEquals(List.of(), client().describeImages("cn-shanghai", List.of(), Image.ALL_STATUSES, null));
        assertEquals(0, server.seen().size());
    }

    @Test
    void verboseLogsEveryAttemptWithoutSecrets() throws Exception {
        server.inject(THROTTLE, RESET_BEFORE_ACTING);

        client().copyImage(copy("token-1"));

        assertEquals(3, verbose.size(), verbose.toString());
        String endpoint = server.uri().toString();
        assertTrue(verbose.get(0).matches("CopyImage " + endpoint + " attempt 1: HTTP 400, Throttling.User, "
                + "RequestId req-1, \\d+ ms"), verbose.get(0));
        assertTrue(verbose.get(1).matches("CopyImage " + endpoint + " attempt 2: no answer, "
                + "the server closed the connection without answering \\(.*\\), \\d+ ms"), verbose.get(1));
        assertTrue(verbose.get(2).matches("CopyImage " + endpoint + " attempt 3: HTTP 200, RequestId req-3, \\d+ ms"),
                verbose.get(2));
        assertNoSecretLeaked();
        assertFalse(verbose.stream().anyMatch(l -> l.contains("Signature=") || l.contains("Authorization")));
    }

    @ParameterizedTest
    @EnumSource(SignatureVersion.class)
    void signatureMismatchShowsBothStringsToSignAndIsNotRetried(SignatureVersion version) {
        EcsException e = assertThrows(EcsException.class,
                () -> client(version, 5, READ_TIMEOUT, "wrong-" + SECRET, TOKEN).copyImage(copy("token-1")));

        assertEquals("SignatureDoesNotMatch", e.code());
        assertEquals(ErrorKind.DENIED, e.kind());
        assertEquals(1, server.seen().size());
        assertEquals(3, verbose.size(), verbose.toString());
        assertTrue(verbose.get(0).contains("attempt 1: HTTP 400, SignatureDoesNotMatch, RequestId req-1"));
        String ours = verbose.get(1);
        String theirs = verbose.get(2);
        assertTrue(ours.startsWith("our string to sign:     "), ours);
        assertTrue(theirs.startsWith("the service's message: Specified signature is not matched"), theirs);
        // both sides signed the same string: only the key differs
        String serverString = theirs.substring(theirs.indexOf("server string to sign is:") + 25);
        assertEquals(serverString.replace("\n", "\\n"), ours.substring("our string to sign:     ".length()));
        if (version == SignatureVersion.v1) {
            assertTrue(ours.contains("SecurityToken%3D<redacted>%26"), ours);
        } else {
            assertTrue(ours.startsWith("our string to sign:     ACS3-HMAC-SHA256\\n"), ours);
        }
        assertNoSecretLeaked(e);
    }

    @Test
    void exceptionsNeverCarryTheSecret() {
        server.inject(GARBAGE, RESET_BEFORE_ACTING, THROTTLE);
        EcsException e = assertThrows(EcsException.class,
                () -> client(SignatureVersion.v1, 3, READ_TIMEOUT, SECRET, TOKEN).copyImage(copy("token-1")));
        assertEquals("Throttling.User", e.code());
        assertNoSecretLeaked(e);
        assertEquals(verbose.stream().filter(l -> l.contains(" attempt ")).count(), 3);
        assertEquals(List.of("v1", "v1", "v1"), server.seen().stream().map(FakeEcsServer.Seen::signatureVersion)
                .collect(Collectors.toList()));
    }
}
