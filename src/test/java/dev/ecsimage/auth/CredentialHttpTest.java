package dev.ecsimage.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecsimage.api.EcsException;
import dev.ecsimage.testing.AuthenticatingProxy;
import dev.ecsimage.transport.EnvironmentProxySelector;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The credential sources' HTTP (STS, credentials URIs) goes through the environment's proxy as the
 * API's calls do: with {@code user:password@} sent at once, a 407 a configuration error with the
 * password masked; an endless answer is cut at 1 MiB without being drained; failures in words.
 */
@Timeout(20)
class CredentialHttpTest {
    private static final String STS_HOST = "sts.test.invalid";
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("u:p@ss".getBytes(StandardCharsets.UTF_8));

    private final StandIn sts = new StandIn() {
        @Override
        Answer answer(Request request) {
            return new Answer(200, "{\"ok\":true}");
        }
    };
    private AuthenticatingProxy proxy;

    @BeforeEach
    void startProxy() throws IOException {
        int stsPort = Integer.parseInt(sts.url().replaceFirst(".*:", ""));
        proxy = new AuthenticatingProxy("u", "p@ss", Map.of(STS_HOST, stsPort));
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        sts.close();
    }

    private CredentialHttp throughProxy(String userInfo) {
        Map<String, String> env = Map.of("HTTP_PROXY", "http://" + userInfo + "127.0.0.1:" + proxy.port());
        return new CredentialHttp(Duration.ofSeconds(5), new EnvironmentProxySelector(env, ProxySelector.getDefault()));
    }

    @Test
    void theProxyGetsTheCredentialsWithTheFirstRequest() {
        CredentialHttp.Answer answer = throughProxy("u:p%40ss@").send(new HttpGet("http://" + STS_HOST + ":80/"), "STS");

        assertEquals(new CredentialHttp.Answer(200, "{\"ok\":true}"), answer);
        assertEquals(List.of(new AuthenticatingProxy.Seen("GET", "http://" + STS_HOST + ":80/", BASIC)), proxy.seen());
        assertEquals(1, sts.requests.size());
    }

    @Test
    void aRefusedPasswordIsAConfigurationErrorThatShowsNoPassword() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> throughProxy("u:wrong@").send(new HttpGet("http://" + STS_HOST + ":80/"), "STS"));

        assertEquals("the proxy http://u:***@127.0.0.1:" + proxy.port() + " (HTTP_PROXY) refused the user and password "
                + "(HTTP 407)", e.getMessage());
        assertEquals("check the proxy user and password in HTTP_PROXY: http://user:password@host:port, with special "
                + "characters percent-encoded (@ as %40, : as %3A)", e.hint());
        assertEquals(1, proxy.seen().size());
        assertEquals(0, sts.requests.size());
    }

    @Test
    void aProxyThatWantsCredentialsWeDoNotHaveIsAConfigurationError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> throughProxy("").send(new HttpGet("http://" + STS_HOST + ":80/"), "STS"));

        assertEquals("the proxy http://127.0.0.1:" + proxy.port() + " (HTTP_PROXY) requires a user and password (HTTP 407)",
                e.getMessage());
    }

    @Test
    void anEndlessAnswerIsCutAtOneMebibyteAndNotDrained() throws IOException {
        try (ServerSocket endless = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = endless.accept(); OutputStream out = s.getOutputStream()) {
                    s.getInputStream().read(new byte[4096]);
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[64 * 1024];
                    while (true) {
                        out.write(chunk);
                    }
                } catch (IOException closed) {
                    // the client hung up, as it should
                }
            });
            server.setDaemon(true);
            server.start();
            CredentialHttp http = new CredentialHttp(Duration.ofSeconds(5), null);

            EcsException e = assertThrows(EcsException.class, () -> http.send(
                    new HttpGet("http://127.0.0.1:" + endless.getLocalPort() + "/"), "the credentials URI"));

            assertEquals("the credentials URI: the answer is longer than 1 MiB; not read", e.getMessage());
        }
    }

    @Test
    void noAnswerIsSaidInWordsWithoutAClassName() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        CredentialHttp http = new CredentialHttp(Duration.ofSeconds(5), null);

        EcsException e = assertThrows(EcsException.class,
                () -> http.send(new HttpGet("http://127.0.0.1:" + closedPort + "/"), "STS AssumeRole"));

        assertEquals(EcsException.NETWORK_ERROR, e.code());
        assertEquals("STS AssumeRole: no answer (connection refused)", e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }
}
