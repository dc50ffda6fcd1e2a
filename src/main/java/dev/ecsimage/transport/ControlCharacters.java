package dev.ecsimage.transport;

/**
 * Makes text from a server safe to print: every control character (C0, DEL, C1) is written as a
 * visible escape, so a server can neither clear the screen, ring the bell, move the cursor nor
 * forge log lines, and nothing it sent is lost. {@code \n}, {@code \r} and {@code \t} become
 * those two-character escapes, every other one {@code \xHH} (ESC is {@code \x1b}). Backslashes
 * are left as they are, so ordinary text (paths, JSON) reads unchanged.
 */
public final class ControlCharacters {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ControlCharacters() {}

    /** The text with its control characters escaped; null stays null. */
    public static String escape(String text) {
        if (text == null || !contains(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0x0F]);
            }
        }
        return out.toString();
    }

    /** Whether the text holds a character {@link #escape} would change. */
    public static boolean contains(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }
}
