package dev.ecsimage.transport;

import dev.ecsimage.auth.ConfigException;

/**
 * A connection that cannot work until the user changes something, so it is not retried: a proxy
 * URL that is malformed or not http, a proxy that refuses our credentials (HTTP 407), a server
 * certificate that is not trusted or names another host. A configuration error (exit 3); the
 * message says what happened, {@link #hint()} what to change. Neither holds a password.
 */
public final class ConnectionConfigException extends ConfigException {
    public ConnectionConfigException(String message, String hint) {
        super(ControlCharacters.escape(message), hint);
    }
}
