package dev.ecsimage.transport;

import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding both ECS signatures use: UTF-8, RFC 3986 unreserved characters
 * ({@code A-Z a-z 0-9 - _ . ~}) stay, every other byte becomes {@code %XY} with upper-case hex.
 * Space is {@code %20}, never {@code +}; {@code *} is {@code %2A}; {@code ~} is kept.
 */
public final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    public static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0F]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
