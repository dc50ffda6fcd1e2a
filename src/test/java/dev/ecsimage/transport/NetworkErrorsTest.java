package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Failures in words, never a class name. */
class NetworkErrorsTest {
    private static <T extends Throwable> T causedBy(T e, Throwable cause) {
        e.initCause(cause);
        return e;
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new SocketTimeoutException("Read timed out"), "Read timed out"),
                Arguments.of(new SocketTimeoutException("Connect timed out"), "connect timed out"),
                Arguments.of(new ConnectTimeoutException("Connect to http://10.0.0.1:80 failed"), "connect timed out"),
                Arguments.of(new AttemptTimeoutException("Read timed out (answer not complete after 3s)"),
                        "Read timed out (answer not complete after 3s)"),
                Arguments.of(new HttpHostConnectException("Connect to http://127.0.0.1:9 [/127.0.0.1] failed: Connection refused"),
                        "connection refused"),
                Arguments.of(new ConnectException("Network is unreachable"), "network unreachable"),
                Arguments.of(new NoRouteToHostException("No route to host"), "no route to host"),
                Arguments.of(new UnknownHostException("ecs.nowhere.invalid: Name or service not known"),
                        "no such host: ecs.nowhere.invalid"),
                Arguments.of(new UnknownHostException(), "no such host"),
                Arguments.of(new NoHttpResponseException("The target server failed to respond"),
                        "the server closed the connection without answering"),
                Arguments.of(new ConnectionClosedException("Premature end of chunk coded message body"),
                        "the connection closed before the answer was complete"),
                Arguments.of(new EOFException(), "the connection closed before the answer was complete"),
                Arguments.of(new SocketException("Connection reset"), "connection reset"),
                Arguments.of(new SocketException("Broken pipe (Write failed)"), "connection broken while sending"),
                Arguments.of(new SocketException("Socket closed"), "connection closed"),
                Arguments.of(new ClientProtocolException("Invalid header"), "the answer is not valid HTTP"),
                Arguments.of(causedBy(new SSLHandshakeException("PKIX path building failed"),
                        new CertificateException("unable to find valid certification path")),
                        "TLS handshake failed: certificate not trusted"),
                Arguments.of(causedBy(new SSLHandshakeException("No subject alternative names matching IP address 127.0.0.1 found"),
                        new CertificateException("No subject alternative names matching IP address 127.0.0.1 found")),
                        "TLS handshake failed: certificate does not match the host name"),
                Arguments.of(new SSLPeerUnverifiedException("Certificate for <a> doesn't match"),
                        "TLS handshake failed: certificate does not match the host name"),
                Arguments.of(new SSLException("Unsupported or unrecognized SSL message"),
                        "TLS handshake failed: the server does not speak TLS"),
                Arguments.of(new SSLHandshakeException("Remote host terminated the handshake"),
                        "TLS handshake failed: the server closed the connection"),
                Arguments.of(new SSLHandshakeException("Received fatal alert: handshake_failure"), "TLS handshake failed"),
                Arguments.of(new IOException("java.io.IOException: something \u001b odd"), "network error: something \\x1b odd"),
                Arguments.of(new IOException(), "network error"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachFailureInWords(IOException failure, String words) {
        assertEquals(words, NetworkErrors.describe(failure));
    }

    @Test
    void detailKeepsTheMessagesWithoutClassNames() {
        IOException e = new IOException("java.net.SocketException: Connection reset",
                new SocketException("Connection reset"));
        assertEquals("Connection reset", NetworkErrors.detail(e));
        assertEquals("Connect to http://127.0.0.1:9 [/127.0.0.1] failed: Connection refused: no further information",
                NetworkErrors.detail(new IOException("Connect to http://127.0.0.1:9 [/127.0.0.1] failed: Connection refused",
                        new ConnectException("no further information"))));
        assertEquals("Invalid header: \\x1b[2J", NetworkErrors.detail(new ClientProtocolException("Invalid header: \u001b[2J")));
        assertEquals("", NetworkErrors.detail(new EOFException()));
    }

    @Test
    void onlyCertificateAndNotTlsProblemsArePermanent() {
        assertNull(NetworkErrors.permanentTlsProblem(new SSLHandshakeException("Remote host terminated the handshake")));
        assertNull(NetworkErrors.permanentTlsProblem(new SocketTimeoutException("Read timed out")));
        assertEquals("certificate not trusted", NetworkErrors.permanentTlsProblem(
                causedBy(new SSLHandshakeException("x"), new CertificateException("expired"))));
    }
}
