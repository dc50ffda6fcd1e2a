package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ecsimage.api.EcsClient;
import dev.ecsimage.auth.Credentials;
import dev.ecsimage.testing.AuthenticatingProxy;
import dev.ecsimage.testing.ManualClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real proxy that wants Basic credentials, in front of an https endpoint (through a CONNECT
 * tunnel) and an http one: {@code user:password@} in HTTPS_PROXY / HTTP_PROXY is sent with the
 * first request; a 407 is a configuration error at once, with the password masked.
 */
class ProxyAuthenticationTest {
    private static final String USER = "proxy user";
    private static final String PASSWORD = "p@ss:wörd";
    private static final String ENCODED = "proxy%20user:p%40ss%3Aw%C3%B6rd";
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final String PLAIN_HOST = "plain.test.invalid";

    @TempDir
    static Path folder;
    static TlsFixture tls;
    static HttpServer plain;

    private AuthenticatingProxy proxy;
    private final List<String> verbose = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private EcsClient client;

    @BeforeAll
    static void startTargets() throws Exception {
        tls = new TlsFixture(folder);
        plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        plain.createContext("/", exchange -> {
            byte[] body = TlsFixture.ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        plain.start();
    }

    @AfterAll
    static void stopTargets() {
        tls.close();
        plain.stop(0);
    }

    @BeforeEach
    void startProxy() throws Exception {
        proxy = new AuthenticatingProxy(USER, PASSWORD,
                Map.of(TlsFixture.HOST, tls.port(), PLAIN_HOST, plain.getAddress().getPort()));
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        proxy.close();
    }

    private EcsClient client(String endpoint, Map<String, String> env) throws Exception {
        HttpTransport transport = new HttpTransport(Endpoints.fixed(URI.create(endpoint)),
                () -> Credentials.of("ak", "secret", null, "t"),
                new HttpTransport.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5), SignatureVersion.v3, "test"),
                env, new ManualClock(Instant.parse("2026-03-04T05:06:07Z")), () -> "n", tls.trustingClient());
        client = new EcsClient(transport, RetryPolicy.standard(5), sleeps::add, verbose::add);
        return client;
    }

    private String proxyUrl(String userInfo) {
        return "http://" + userInfo + "127.0.0.1:" + proxy.port();
    }

    private void assertNoPasswordShown(Exception e) {
        for (String text : List.of(e.getMessage(), ((ConnectionConfigException) e).hint(), String.join("\n", verbose))) {
            assertFalse(text.contains("p@ss") || text.contains("p%40ss") || text.contains("w%C3%B6rd"), text);
        }
    }

    @Test
    void httpsThroughTheProxySendsTheCredentialsWithTheConnect() throws Exception {
        EcsClient c = client("https://" + TlsFixture.HOST, Map.of("HTTPS_PROXY", proxyUrl(ENCODED + "@")));

        assertEquals(List.of(), c.describeImages("cn-shanghai", List.of("m-1"), null, null));

        assertEquals(List.of(new AuthenticatingProxy.Seen("CONNECT", TlsFixture.HOST + ":443", BASIC)), proxy.seen());
    }

    @Test
    void httpThroughTheProxySendsTheCredentialsWithTheRequest() throws Exception {
        EcsClient c = client("http://" + PLAIN_HOST + ":8089", Map.of("http_proxy", proxyUrl(ENCODED + "@")));

        assertEquals(List.of(), c.describeImages("cn-shanghai", List.of("m-1"), null, null));

        assertEquals(1, proxy.seen().size());
        assertEquals("POST", proxy.seen().get(0).method());
        assertTrue(proxy.seen().get(0).target().startsWith("http://" + PLAIN_HOST + ":8089/?"), proxy.seen().toString());
        assertEquals(BASIC, proxy.seen().get(0).proxyAuthorization());
    }

    @Test
    void aWrongPasswordIsAConfigurationErrorAtOnce() throws Exception {
        EcsClient c = client("https://" + TlsFixture.HOST, Map.of("HTTPS_PROXY", proxyUrl("proxy%20user:wrong%40pw@")));

        ConnectionConfigException e = assertThrows(ConnectionConfigException.class,
                () -> c.describeImages("cn-shanghai", List.of("m-1"), null, null));

        assertEquals("the proxy http://proxy%20user:***@127.0.0.1:" + proxy.port()
                + " (HTTPS_PROXY) refused the user and password (HTTP 407)", e.getMessage());
        assertEquals("check the proxy user and password in HTTPS_PROXY: http://user:password@host:port, with special "
                + "characters percent-encoded (@ as %40, : as %3A)", e.hint());
        assertEquals(1, proxy.seen().size());
        assertEquals(List.of(), sleeps);
        assertEquals(1, verbose.size());
        assertFalse(e.getMessage().contains("wrong") || verbose.get(0).contains("wrong"), verbose.get(0));
        assertNoPasswordShown(e);
    }

    @Test
    void aWrongPasswordOverPlainHttpIsAConfigurationErrorAtOnce() throws Exception {
        EcsClient c = client("http://" + PLAIN_HOST + ":8089", Map.of("http_proxy", proxyUrl("proxy%20user:nope@")));

        ConnectionConfigException e = assertThrows(ConnectionConfigException.class,
                () -> c.cancelCopyImage("cn-shanghai", "m-1"));

        assertEquals("the proxy http://proxy%20user:***@127.0.0.1:" + proxy.port()
                + " (http_proxy) refused the user and password (HTTP 407)", e.getMessage());
        assertEquals(1, proxy.seen().size());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void noCredentialsForAProxyThatWantsThemIsAConfigurationErrorAtOnce() throws Exception {
        EcsClient c = client("https://" + TlsFixture.HOST, Map.of("HTTPS_PROXY", proxyUrl("")));

        ConnectionConfigException e = assertThrows(ConnectionConfigException.class,
                () -> c.describeImages("cn-shanghai", List.of("m-1"), null, null));

        assertEquals("the proxy http://127.0.0.1:" + proxy.port()
                + " (HTTPS_PROXY) requires a user and password (HTTP 407)", e.getMessage());
        assertEquals("give them in HTTPS_PROXY: http://user:password@host:port, with special characters "
                + "percent-encoded (@ as %40, : as %3A)", e.hint());
        assertEquals(List.of(new AuthenticatingProxy.Seen("CONNECT", TlsFixture.HOST + ":443", null)), proxy.seen());
    }

    @Test
    void aSocksProxyIsAConfigurationErrorBeforeAnyConnection() throws Exception {
        EcsClient c = client("https://" + TlsFixture.HOST,
                Map.of("HTTPS_PROXY", "socks5://" + ENCODED + "@127.0.0.1:" + proxy.port()));

        ConnectionConfigException e = assertThrows(ConnectionConfigException.class,
                () -> c.describeImages("cn-shanghai", List.of("m-1"), null, null));

        assertEquals("HTTPS_PROXY 'socks5://proxy%20user:***@127.0.0.1:" + proxy.port()
                + "' uses socks5://, which ecs-image does not support (only http:// proxies)", e.getMessage());
        assertEquals(List.of(), proxy.seen());
        assertNoPasswordShown(e);
    }
}
