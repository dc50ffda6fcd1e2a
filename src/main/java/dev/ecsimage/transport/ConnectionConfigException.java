package dev.ecsimage.transport;

import dev.ecsimage.auth.ConfigException;
import dev.ecsimage.output.Sentence;

/**
 * A connection that cannot work until the user changes something, so it is not retried: a proxy
 * URL that is malformed or not http, a proxy that refuses our credentials (HTTP 407), a server
 * certificate that is not trusted or names another host. A configuration error (exit 3); the
 * message says what happened, {@link #hint()} what to change. Neither holds a password; the words
 * that come from outside (a proxy variable's value, a host name) have their control characters
 * escaped.
 */
public final class ConnectionConfigException extends ConfigException {
    public ConnectionConfigException(Sentence message, Sentence hint) {
        super(escaped(message), hint);
    }

    private static Sentence escaped(Sentence s) {
        Object[] args = s.args().clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String text) {
                args[i] = ControlCharacters.escape(text);
            }
        }
        return new Sentence(s.key(), args);
    }
}
