package dev.ecsimage.transport;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Signature V3, {@code ACS3-HMAC-SHA256}, as numbered pure steps (ECS-API-NOTES section 2):
 * canonical request, its hash, the string to sign, the signature, the Authorization header.
 * Each step is a static function of its inputs so tests can assert every intermediate string.
 */
public final class Acs3Signer {
    public static final String ALGORITHM = "ACS3-HMAC-SHA256";
    /** The block size of SHA-1 and SHA-256, in bytes. */
    private static final int HMAC_BLOCK = 64;
    public static final String EMPTY_PAYLOAD_SHA256 =
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private Acs3Signer() {}

    /** Step 1: the canonical query string, keys sorted, both sides percent-encoded. */
    public static String canonicalQuery(Map<String, String> query) {
        // a loop: a stream of a TreeMap spins a lambda class of the JDK's at every start
        StringBuilder canonical = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(query).entrySet()) {
            if (!canonical.isEmpty()) {
                canonical.append('&');
            }
            canonical.append(PercentEncoding.encode(e.getKey())).append('=').append(PercentEncoding.encode(e.getValue()));
        }
        return canonical.toString();
    }

    /** The headers that are signed: host, content-type and every x-acs-*, names lower-cased, values trimmed. */
    public static SortedMap<String, String> signedHeaders(Map<String, String> headers) {
        SortedMap<String, String> signed = new TreeMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("host") || lower.equals("content-type") || lower.startsWith("x-acs-")) {
                signed.put(lower, value.trim());
            }
        });
        return signed;
    }

    /** Step 2: the canonical request. */
    public static String canonicalRequest(String method, String path, Map<String, String> query,
                                          Map<String, String> headers, String hashedPayload) {
        SortedMap<String, String> signed = signedHeaders(headers);
        StringBuilder canonicalHeaders = new StringBuilder();
        signed.forEach((k, v) -> canonicalHeaders.append(k).append(':').append(v).append('\n'));
        return method + "\n" + path + "\n" + canonicalQuery(query) + "\n" + canonicalHeaders + "\n"
                + String.join(";", signed.keySet()) + "\n" + hashedPayload;
    }

    /** Step 3: the string to sign. */
    public static String stringToSign(String canonicalRequest) {
        return ALGORITHM + "\n" + sha256Hex(canonicalRequest);
    }

    /** Step 4: the signature, hex HMAC-SHA256 keyed with the secret (no trailing {@code &}). */
    public static String signature(String accessKeySecret, String stringToSign) {
        return HexFormat.of().formatHex(hmac("HmacSHA256", accessKeySecret, stringToSign));
    }

    /** Step 5: the Authorization header. */
    public static String authorization(String accessKeyId, Map<String, String> headers, String signature) {
        return ALGORITHM + " Credential=" + accessKeyId + ",SignedHeaders="
                + String.join(";", signedHeaders(headers).keySet()) + ",Signature=" + signature;
    }

    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(Sha.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] hmac(String algorithm, String key, String data) {
        return hmac(algorithm, key.getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * RFC 2104 HMAC, {@code HmacSHA256} or {@code HmacSHA1}, on {@link Sha}: {@code javax.crypto.Mac}
     * would first walk every JCA provider, and {@code MessageDigest} set them up, at every start.
     */
    static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        boolean sha256 = switch (algorithm) {
            case "HmacSHA256" -> true;
            case "HmacSHA1" -> false;
            default -> throw new IllegalArgumentException(algorithm);
        };
        byte[] k = key.length > HMAC_BLOCK ? digest(sha256, key) : key;
        byte[] inner = new byte[HMAC_BLOCK + data.length];
        byte[] outer = new byte[HMAC_BLOCK + (sha256 ? 32 : 20)];
        for (int i = 0; i < HMAC_BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            inner[i] = (byte) (b ^ 0x36);
            outer[i] = (byte) (b ^ 0x5c);
        }
        System.arraycopy(data, 0, inner, HMAC_BLOCK, data.length);
        byte[] innerHash = digest(sha256, inner);
        System.arraycopy(innerHash, 0, outer, HMAC_BLOCK, innerHash.length);
        return digest(sha256, outer);
    }

    private static byte[] digest(boolean sha256, byte[] data) {
        return sha256 ? Sha.sha256(data) : Sha.sha1(data);
    }
}
