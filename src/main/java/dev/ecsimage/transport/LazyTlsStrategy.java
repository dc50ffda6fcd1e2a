package dev.ecsimage.transport;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * TLS set up on the first https connection, not when the client is built: loading the trust
 * store and the TLS classes costs a start-up a good part of its time, and a call to an http
 * endpoint (the sandbox, a local proxy) never needs them. Uses the JVM's own settings
 * ({@code javax.net.ssl.*}), so a corporate trust store works.
 */
final class LazyTlsStrategy implements TlsSocketStrategy {
    private volatile TlsSocketStrategy delegate;

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        TlsSocketStrategy tls = delegate;
        if (tls == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = DefaultClientTlsStrategy.createSystemDefault();
                }
                tls = delegate;
            }
        }
        return tls.upgrade(socket, target, port, attachment, context);
    }
}
