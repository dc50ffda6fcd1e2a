package dev.ecsimage.api;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks request signatures the way the service does, written from ECS-API-NOTES without the
 * production signer: its own percent-encoding (the SDKs' URLEncoder trick), canonicalisation,
 * digests and HMACs. {@link #verifyV3} and {@link #verifyV1} return the string to sign the
 * "server" computed, and whether the request's signature matches it.
 */
final class IndependentSignatureVerifier {
    /** What the verifier concluded about one request. */
    record Verdict(boolean valid, String serverStringToSign, String reason) {
    }

    private final String accessKeyId;
    private final String secret;

    IndependentSignatureVerifier(String accessKeyId, String secret) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    /** Form or query text into decoded parameters. */
    static Map<String, String> decodeParams(String raw) {
        Map<String, String> params = new TreeMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String canonical(Map<String, String> params) {
        return new TreeMap<>(params).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** @param headers lower-case names */
    Verdict verifyV3(String method, String path, String rawQuery, Map<String, String> headers, byte[] body)
            throws Exception {
        String authorization = headers.getOrDefault("authorization", "");
        String prefix = "ACS3-HMAC-SHA256 Credential=" + accessKeyId + ",SignedHeaders=";
        if (!authorization.startsWith(prefix)) {
            return new Verdict(false, "", "bad Authorization header: " + authorization.replaceAll("Signature=.*", ""));
        }
        String[] rest = authorization.substring(prefix.length()).split(",Signature=");
        String signedHeaderNames = rest[0];
        String expectedNames = headers.keySet().stream()
                .filter(h -> h.equals("host") || h.equals("content-type") || h.startsWith("x-acs-"))
                .sorted().collect(Collectors.joining(";"));
        if (!signedHeaderNames.equals(expectedNames)) {
            return new Verdict(false, "", "SignedHeaders " + signedHeaderNames + " but sent " + expectedNames);
        }
        String payloadHash = hex(MessageDigest.getInstance("SHA-256").digest(body));
        if (!payloadHash.equals(headers.get("x-acs-content-sha256"))) {
            return new Verdict(false, "", "x-acs-content-sha256 does not match the body");
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaderNames.split(";")) {
            canonicalHeaders.append(name).append(':').append(headers.get(name).trim()).append('\n');
        }
        String canonicalRequest = method + "\n" + path + "\n" + canonical(decodeParams(rawQuery)) + "\n"
                + canonicalHeaders + "\n" + signedHeaderNames + "\n" + payloadHash;
        String stringToSign = "ACS3-HMAC-SHA256\n"
                + hex(MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        String expected = hex(mac("HmacSHA256", secret, stringToSign));
        return new Verdict(rest.length == 2 && expected.equals(rest[1]), stringToSign, "signature");
    }

    /** @param params every form parameter, Signature included */
    Verdict verifyV1(String method, Map<String, String> params) throws Exception {
        Map<String, String> signed = new TreeMap<>(params);
        String signature = signed.remove("Signature");
        if (!accessKeyId.equals(signed.get("AccessKeyId")) || !"HMAC-SHA1".equals(signed.get("SignatureMethod"))
                || !"1.0".equals(signed.get("SignatureVersion"))) {
            return new Verdict(false, "", "bad common parameters");
        }
        String stringToSign = method + "&" + encode("/") + "&" + encode(canonical(signed));
        String expected = Base64.getEncoder().encodeToString(mac("HmacSHA1", secret + "&", stringToSign));
        return new Verdict(expected.equals(signature), stringToSign, "signature");
    }

    private static byte[] mac(String algorithm, String key, String data) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02x", b));
        }
        return s.toString();
    }
}
