package dev.ecsimage.transport;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * Random version-4 UUIDs, written as {@link UUID#randomUUID()} writes them, for signature nonces
 * and ClientTokens. They are made from 16 bytes of {@value #URANDOM}, read as the operating system
 * gives them, which spares every start the set-up of {@code SecureRandom}; when that file cannot
 * be read, {@link UUID#randomUUID()} makes them.
 */
public final class RandomIds {
    private static final String URANDOM = "/dev/urandom";

    private RandomIds() {}

    public static String uuid() {
        return uuid(URANDOM);
    }

    /** A UUID from the first 16 bytes of {@code source}; {@link UUID#randomUUID()} when it has none. */
    static String uuid(String source) {
        byte[] b;
        try (InputStream in = new FileInputStream(source)) {
            b = in.readNBytes(16);
        } catch (IOException e) {
            b = new byte[0];
        }
        if (b.length < 16) {
            return UUID.randomUUID().toString();
        }
        b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
        return new UUID(bits(b, 0), bits(b, 8)).toString();
    }

    private static long bits(byte[] b, int from) {
        long bits = 0;
        for (int i = from; i < from + 8; i++) {
            bits = (bits << 8) | (b[i] & 0xff);
        }
        return bits;
    }
}
