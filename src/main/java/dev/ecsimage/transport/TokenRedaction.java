package dev.ecsimage.transport;

import java.util.regex.Pattern;

/**
 * Removes STS security tokens from strings to sign and canonical requests, ours or the ones a
 * {@code SignatureDoesNotMatch} message quotes, so {@code --verbose} and error messages can show them.
 * A v1 string to sign carries {@code SecurityToken%3D...} (up to the next {@code %26}), a canonical
 * query {@code SecurityToken=...}, a v3 canonical request {@code x-acs-security-token:...}.
 */
public final class TokenRedaction {
    public static final String REDACTED = "<redacted>";
    private static final Pattern TOKEN = Pattern.compile(
            "(?i)(SecurityToken%3D)(?:(?!%26)[^\\s&])*|(SecurityToken=)[^&\\s]*|(x-acs-security-token:)[^\\n\\\\]*");

    private TokenRedaction() {}

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        return TOKEN.matcher(text).replaceAll(m -> {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            return java.util.regex.Matcher.quoteReplacement(name + REDACTED);
        });
    }
}
