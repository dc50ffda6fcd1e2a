package dev.ecsimage.auth;

/**
 * A local configuration problem: no credentials found, an unknown profile, an unreadable or
 * malformed file, no region. The message is one line that names what was tried or what is wrong.
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
