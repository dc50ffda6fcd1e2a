package dev.ecsimage.transport;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * A failed attempt in words ("Read timed out", "connection refused", "no such host: ...",
 * "TLS handshake failed: certificate not trusted"), never a Java class name: users read these.
 * {@link #detail} keeps the technical messages for {@code --verbose}, also without class names.
 */
public final class NetworkErrors {
    /** A qualified class name as exceptions quote their causes: {@code java.net.SocketException: }. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?::\\s*)?");

    private NetworkErrors() {}

    /** What happened, in a few words. */
    public static String describe(Throwable e) {
        if (e instanceof AttemptTimeoutException || e instanceof AnswerTooLargeException
                || e instanceof CallDeadlineException) {
            return e.getMessage();
        }
        if (e instanceof SSLException ssl) {
            String permanent = permanentTlsProblem(ssl);
            if (permanent != null) {
                return "TLS handshake failed: " + permanent;
            }
            String m = lower(e);
            return (e instanceof SSLHandshakeException ? "TLS handshake failed" : "TLS failed")
                    + (m.contains("terminated") || m.contains("closed") || e.getCause() instanceof EOFException
                    ? ": the server closed the connection" : "");
        }
        if (e instanceof ConnectTimeoutException
                || (e instanceof SocketTimeoutException && lower(e).contains("connect"))) {
            return "connect timed out";
        }
        if (e instanceof SocketTimeoutException) {
            return "Read timed out";
        }
        if (e instanceof UnknownHostException) {
            String host = e.getMessage() == null ? "" : e.getMessage().replaceFirst(":.*", "");
            return "no such host" + (host.isBlank() ? "" : ": " + ControlCharacters.escape(host));
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof ConnectException) {
            String m = lower(e);
            return m.contains("refused") ? "connection refused" : m.contains("unreachable") ? "network unreachable"
                    : "could not connect";
        }
        if (e instanceof NoHttpResponseException) {
            return "the server closed the connection without answering";
        }
        if (e instanceof ConnectionClosedException || e instanceof EOFException) {
            return "the connection closed before the answer was complete";
        }
        if (e instanceof SocketException) {
            String m = lower(e);
            return m.contains("reset") ? "connection reset" : m.contains("broken pipe") ? "connection broken while sending"
                    : "connection closed";
        }
        if (e instanceof ClientProtocolException) {
            return "the answer is not valid HTTP";
        }
        String detail = detail(e);
        return "network error" + (detail.isEmpty() ? "" : ": " + detail);
    }

    /** The messages of the exception and its causes, for {@code --verbose}: without class names, escaped. */
    public static String detail(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : CLASS_NAME.matcher(t.getMessage()).replaceAll("").strip();
            if (!m.isEmpty() && parts.stream().noneMatch(p -> p.contains(m))) {
                parts.add(m);
            }
        }
        return ControlCharacters.escape(String.join(": ", parts));
    }

    /**
     * What is wrong with the server's TLS that retrying cannot fix: {@code "certificate not trusted"},
     * {@code "certificate does not match the host name"}, {@code "the server does not speak TLS"}; null otherwise.
     */
    public static String permanentTlsProblem(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = lower(t);
            if (t instanceof SSLPeerUnverifiedException || (t instanceof CertificateException
                    && (m.contains("subject alternative") || m.contains("no name matching")))) {
                return "certificate does not match the host name";
            }
            if (t instanceof CertificateException) {
                return "certificate not trusted";
            }
            if (t instanceof SSLException && m.contains("unrecognized ssl message")) {
                return "the server does not speak TLS";
            }
        }
        return null;
    }

    private static String lower(Throwable e) {
        return e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    }
}
