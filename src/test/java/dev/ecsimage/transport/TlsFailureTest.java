package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecsimage.api.EcsClient;
import dev.ecsimage.auth.ConfigException;
import dev.ecsimage.auth.Credentials;
import dev.ecsimage.testing.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TLS endpoint with a self-signed certificate for localhost: not trusted by the JVM, and not
 * valid for 127.0.0.1. Both are configuration errors at once (one attempt, no retry) whose hint
 * names the trust-store settings; so is an https URL that reaches a plain http server.
 */
class TlsFailureTest {
    @TempDir
    static Path folder;
    static TlsFixture tls;
    /** Answers every connection with an HTTP 400, as a plain http server answers a TLS hello. */
    static ServerSocket plain;

    private final List<String> verbose = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private EcsClient client;

    @BeforeAll
    static void start() throws Exception {
        tls = new TlsFixture(folder);
        plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!plain.isClosed()) {
                try (Socket s = plain.accept()) {
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    return;
                }
            }
        }, "plain-http");
        t.setDaemon(true);
        t.start();
    }

    @AfterAll
    static void stop() throws IOException {
        tls.close();
        plain.close();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private ConnectionConfigException failure(URI endpoint, TlsSocketStrategy strategy) {
        Credentials keys = Credentials.of("ak", "secret", null, "t");
        HttpTransport.Settings settings = new HttpTransport.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5),
                SignatureVersion.v3, "test");
        ManualClock clock = new ManualClock(Instant.parse("2026-03-04T05:06:07Z"));
        HttpTransport transport = strategy == null
                ? new HttpTransport(Endpoints.fixed(endpoint), () -> keys, settings, Map.of(), clock, () -> "n")
                : new HttpTransport(Endpoints.fixed(endpoint), () -> keys, settings, Map.of(), clock, () -> "n", strategy);
        client = new EcsClient(transport, RetryPolicy.standard(5), sleeps::add, verbose::add);
        ConnectionConfigException e = assertThrows(ConnectionConfigException.class,
                () -> client.describeImages("cn-shanghai", List.of("m-1"), null, null));
        assertInstanceOf(ConfigException.class, e);
        assertEquals(1, verbose.size(), verbose.toString());
        assertEquals(List.of(), sleeps);
        assertEquals(0, tls.requests());
        return e;
    }

    @Test
    void anUntrustedCertificateIsAConfigurationErrorAtOnce() {
        ConnectionConfigException e = failure(URI.create("https://localhost:" + tls.port()), null);

        assertEquals("TLS handshake with localhost:" + tls.port() + " failed: certificate not trusted", e.getMessage());
        assertEquals("if a proxy or firewall on your network re-signs TLS with its own certificate authority, give Java "
                + "a trust store that holds it: ECS_IMAGE_JAVA_OPTS='-Djavax.net.ssl.trustStore=/path/to/truststore.p12 "
                + "-Djavax.net.ssl.trustStorePassword=PASSWORD'", e.hint());
        assertEquals(true, verbose.get(0).startsWith("DescribeImages https://localhost:" + tls.port()
                + " attempt 1: no answer, stopped: TLS handshake with localhost:" + tls.port()
                + " failed: certificate not trusted, "), verbose.get(0));
    }

    @Test
    void aCertificateForAnotherHostIsAConfigurationErrorAtOnce() throws Exception {
        ConnectionConfigException e = failure(URI.create("https://127.0.0.1:" + tls.port()), tls.trustingClient());

        assertEquals("TLS handshake with 127.0.0.1:" + tls.port() + " failed: certificate does not match the host name",
                e.getMessage());
        assertEquals(dev.ecsimage.output.Messages.of(dev.ecsimage.output.Language.en).get("hint.tls.wrong-host"), e.hint());
        assertEquals(true, e.hint().contains("-Djavax.net.ssl.trustStore=") && e.hint().contains("ECS_IMAGE_JAVA_OPTS"));
    }

    @Test
    void httpsToAPlainHttpServerIsAConfigurationErrorAtOnce() throws Exception {
        ConnectionConfigException e = failure(URI.create("https://127.0.0.1:" + plain.getLocalPort()),
                tls.trustingClient());

        assertEquals("TLS handshake with 127.0.0.1:" + plain.getLocalPort()
                + " failed: the server does not speak TLS", e.getMessage());
        assertEquals("the endpoint does not answer in TLS: check the scheme (http:// or https://) and port of "
                + "--endpoint or ECS_IMAGE_ENDPOINT", e.hint());
    }

    @Test
    void theTrustedCertificateOfTheRightHostWorks() throws Exception {
        HttpTransport transport = new HttpTransport(Endpoints.fixed(URI.create("https://localhost:" + tls.port())),
                () -> Credentials.of("ak", "secret", null, "t"), HttpTransport.Settings.defaults(), Map.of(),
                new ManualClock(Instant.parse("2026-03-04T05:06:07Z")), () -> "n", tls.trustingClient());
        client = new EcsClient(transport, RetryPolicy.standard(1), sleeps::add, verbose::add);
        int before = tls.requests();

        assertEquals(List.of(), client.describeImages("cn-shanghai", List.of("m-1"), null, null));
        assertEquals(before + 1, tls.requests());
    }
}
