package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The signers' own SHA-256 and SHA-1: the FIPS 180 examples, and MessageDigest on every length around the block edges. */
class ShaTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void fipsExamples() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", HEX.formatHex(Sha.sha256(new byte[0])));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", HEX.formatHex(Sha.sha256(text("abc"))));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                HEX.formatHex(Sha.sha256(text("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))));
        assertEquals("da39a3ee5e6b4b0d3255bfef95601890afd80709", HEX.formatHex(Sha.sha1(new byte[0])));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", HEX.formatHex(Sha.sha1(text("abc"))));
        assertEquals("84983e441c3bd26ebaae4aa1f95129e5e54670f1",
                HEX.formatHex(Sha.sha1(text("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))));
    }

    @Test
    void sameAsMessageDigestForEveryLengthUpToFourBlocks() throws Exception {
        Random random = new Random(180);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        for (int length = 0; length <= 260; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            assertArrayEquals(sha256.digest(data), Sha.sha256(data), "SHA-256 of " + length + " bytes");
            assertArrayEquals(sha1.digest(data), Sha.sha1(data), "SHA-1 of " + length + " bytes");
        }
        byte[] large = new byte[100_003];
        random.nextBytes(large);
        assertArrayEquals(sha256.digest(large), Sha.sha256(large));
        assertArrayEquals(sha1.digest(large), Sha.sha1(large));
    }
}
