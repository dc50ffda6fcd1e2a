package dev.ecsimage.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The signers' HMAC, written on MessageDigest: the RFC test vectors, and javax.crypto.Mac on random input. */
class HmacTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] repeat(int b, int n) {
        byte[] bytes = new byte[n];
        java.util.Arrays.fill(bytes, (byte) b);
        return bytes;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String hmac(String algorithm, byte[] key, byte[] data) {
        return HEX.formatHex(Acs3Signer.hmac(algorithm, key, data));
    }

    @Test
    void rfc4231HmacSha256() {
        String big = "Test Using Larger Than Block-Size Key - Hash Key First";
        String bigData = "This is a test using a larger than block-size key and a larger than block-size data. "
                + "The key needs to be hashed before being used by the HMAC algorithm.";
        assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                hmac("HmacSHA256", repeat(0x0b, 20), text("Hi There")));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                hmac("HmacSHA256", text("Jefe"), text("what do ya want for nothing?")));
        assertEquals("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
                hmac("HmacSHA256", repeat(0xaa, 20), repeat(0xdd, 50)));
        assertEquals("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
                hmac("HmacSHA256", HEX.parseHex("0102030405060708090a0b0c0d0e0f10111213141516171819"), repeat(0xcd, 50)));
        assertEquals("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                hmac("HmacSHA256", repeat(0xaa, 131), text(big)));
        assertEquals("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
                hmac("HmacSHA256", repeat(0xaa, 131), text(bigData)));
    }

    @Test
    void rfc2202HmacSha1() {
        assertEquals("b617318655057264e28bc0b6fb378c8ef146be00", hmac("HmacSHA1", repeat(0x0b, 20), text("Hi There")));
        assertEquals("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
                hmac("HmacSHA1", text("Jefe"), text("what do ya want for nothing?")));
        assertEquals("125d7342b9ac11cd91a39af48aa17b4f63f175d3", hmac("HmacSHA1", repeat(0xaa, 20), repeat(0xdd, 50)));
        assertEquals("4c9007f4026250c6bc8414f9bf50c86c2d7235da",
                hmac("HmacSHA1", HEX.parseHex("0102030405060708090a0b0c0d0e0f10111213141516171819"), repeat(0xcd, 50)));
        assertEquals("aa4ae5e15272d00e95705637ce8a3b55ed402112",
                hmac("HmacSHA1", repeat(0xaa, 80), text("Test Using Larger Than Block-Size Key - Hash Key First")));
        assertEquals("e8e99d0f45237d786d6bbaa7965c7808bbff1a91", hmac("HmacSHA1", repeat(0xaa, 80),
                text("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data")));
    }

    @Test
    void sameAsJavaxCryptoMacForEveryKeyLength() throws Exception {
        Random random = new Random(14);
        for (String algorithm : new String[] {"HmacSHA256", "HmacSHA1"}) {
            for (int keyLength = 1; keyLength <= 130; keyLength++) { // SecretKeySpec refuses an empty key
                byte[] key = new byte[keyLength];
                byte[] data = new byte[random.nextInt(300)];
                random.nextBytes(key);
                random.nextBytes(data);
                Mac mac = Mac.getInstance(algorithm);
                mac.init(new SecretKeySpec(key, algorithm));
                assertArrayEquals(mac.doFinal(data), Acs3Signer.hmac(algorithm, key, data), algorithm + " key " + keyLength);
            }
        }
    }
}
