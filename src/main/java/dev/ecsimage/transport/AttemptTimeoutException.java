package dev.ecsimage.transport;

import java.net.SocketTimeoutException;

/**
 * An attempt took longer than its bound as a whole, though bytes kept coming (a server or proxy
 * that drips): connecting longer than the connect timeout, or the answer longer than the read
 * timeout. The attempt was aborted; a timeout like any other, so it is retried.
 */
public final class AttemptTimeoutException extends SocketTimeoutException {
    public AttemptTimeoutException(String message) {
        super(message);
    }
}
