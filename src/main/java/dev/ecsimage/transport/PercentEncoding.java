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

    /**
     * The inverse, for the user and password of a proxy URL: {@code %XY} sequences are UTF-8
     * bytes, everything else (a {@code +} too) stands for itself.
     *
     * @throws IllegalArgumentException on a {@code %} not followed by two hex digits
     */
    public static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            int c = value.codePointAt(i);
            if (c != '%') {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c) - 1;
                continue;
            }
            int hi = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
            int lo = hi < 0 ? -1 : Character.digit(value.charAt(i + 2), 16);
            if (lo < 0) {
                throw new IllegalArgumentException("'%' must be followed by two hex digits");
            }
            bytes.write(hi << 4 | lo);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
