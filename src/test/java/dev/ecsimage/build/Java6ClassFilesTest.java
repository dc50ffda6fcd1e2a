package dev.ecsimage.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Java6ClassFilesTest {
    private static byte[] header(int major) {
        return new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, (byte) major, 0, 1};
    }

    @Test
    void java5ClassBecomesJava6() {
        byte[] c = header(49);
        assertTrue(Java6ClassFiles.bump(c));
        assertArrayEquals(header(50), c);
    }

    @Test
    void newerClassIsLeftAlone() {
        byte[] c = header(61);
        assertFalse(Java6ClassFiles.bump(c));
        assertArrayEquals(header(61), c);
    }

    @Test
    void somethingElseIsLeftAlone() {
        byte[] c = {1, 2, 3, 4, 0, 0, 0, 49, 0};
        assertFalse(Java6ClassFiles.bump(c));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 0, 0, 0, 49, 0}, c);
    }
}
