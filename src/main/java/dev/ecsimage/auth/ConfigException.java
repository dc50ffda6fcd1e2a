package dev.ecsimage.auth;

import dev.ecsimage.output.Messages;
import dev.ecsimage.output.Sentence;

/**
 * A local configuration problem: no credentials found, an unknown profile, an unreadable or
 * malformed file, no region. The message is one line that names what was tried or what is wrong;
 * the optional hint is one more line that says what to do about it (shown as {@code hint: ...}).
 * Both are sentences of the message catalogue, which the command line says in the user's language
 * ({@link #message(Messages)}, {@link #hint(Messages)}); {@link #getMessage()} and {@link #hint()}
 * are the English, which {@code -o json} carries in every language. A problem met deep in a
 * credentials source (an external command's output, an OIDC token file, the metadata service)
 * keeps a plain English message.
 */
public class ConfigException extends RuntimeException {
    private final transient Sentence message;
    private final transient Sentence hint;

    /** A problem said in English only. */
    public ConfigException(String message) {
        super(message);
        this.message = null;
        this.hint = null;
    }

    public ConfigException(Sentence message) {
        this(message, null);
    }

    /** @param hint what to do about it, or null */
    public ConfigException(Sentence message, Sentence hint) {
        super(message.key());
        this.message = message;
        this.hint = hint;
    }

    /** The message in English. */
    @Override
    public String getMessage() {
        return message != null ? message.english() : super.getMessage();
    }

    /** The message in {@code text}'s language. */
    public String message(Messages text) {
        return message != null ? message.in(text) : getMessage();
    }

    /** What to do about it in English, one line; null when the message says it all. */
    public String hint() {
        return hint == null ? null : hint.english();
    }

    /** What to do about it in {@code text}'s language; null when the message says it all. */
    public String hint(Messages text) {
        return hint == null ? null : hint.in(text);
    }
}
