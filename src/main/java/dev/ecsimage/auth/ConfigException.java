package dev.ecsimage.auth;

/**
 * A local configuration problem: no credentials found, an unknown profile, an unreadable or
 * malformed file, no region. The message is one line that names what was tried or what is wrong;
 * the optional hint is one more line that says what to do about it (shown as {@code hint: ...}),
 * given as text or, to be said in the user's language, as a key of the message catalogue.
 */
public class ConfigException extends RuntimeException {
    private final String hint;
    private final String hintKey;

    public ConfigException(String message) {
        this(message, (String) null);
    }

    /** @param hint what to do about it, or null */
    public ConfigException(String message, String hint) {
        this(message, hint, null, null);
    }

    public ConfigException(String message, Throwable cause) {
        this(message, null, null, cause);
    }

    private ConfigException(String message, String hint, String hintKey, Throwable cause) {
        super(message, cause);
        this.hint = hint;
        this.hintKey = hintKey;
    }

    /** @param hintKey the catalogue key (output/Messages) of what to do about it */
    public static ConfigException withHintKey(String message, String hintKey) {
        return new ConfigException(message, null, hintKey, null);
    }

    /** What to do about it, one line; null when the message says it all or the hint is a {@link #hintKey()}. */
    public String hint() {
        return hint;
    }

    /** The catalogue key of what to do about it, or null. */
    public String hintKey() {
        return hintKey;
    }
}
