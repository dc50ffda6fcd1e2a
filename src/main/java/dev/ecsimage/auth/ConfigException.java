package dev.ecsimage.auth;

/**
 * A local configuration problem: no credentials found, an unknown profile, an unreadable or
 * malformed file, no region. The message is one line that names what was tried or what is wrong;
 * the optional hint is one more line that says what to do about it (shown as {@code hint: ...}).
 */
public class ConfigException extends RuntimeException {
    private final String hint;

    public ConfigException(String message) {
        this(message, (String) null);
    }

    /** @param hint what to do about it, or null */
    public ConfigException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.hint = null;
    }

    /** What to do about it, one line; null when the message says it all. */
    public String hint() {
        return hint;
    }
}
