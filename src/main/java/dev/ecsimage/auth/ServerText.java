package dev.ecsimage.auth;

/**
 * Text a server sent (STS messages and codes, metadata answers) made safe for a message on a
 * terminal: C0 and C1 control characters and DEL are shown as {@code \n}, {@code \r}, {@code \t}
 * or {@code \xHH}, so an answer cannot move the cursor, ring the bell, change colours or forge a
 * line of our output.
 */
final class ServerText {
    private ServerText() {}

    /** {@code text} with its control characters escaped visibly; null stays null. */
    static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                        s.append(String.format("\\x%02x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }
}
