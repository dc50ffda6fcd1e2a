package dev.ecsimage.sandbox;

import dev.ecsimage.transport.Acs3Signer;
import dev.ecsimage.transport.ApiCall;
import dev.ecsimage.transport.RequestSigner;
import dev.ecsimage.transport.RpcV1Signer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a request the way the service does before acting: signature V3 (Authorization header,
 * x-acs-* headers, query) or V1 (Signature parameter in the query or form body), computed again
 * with the project's signers; the access key and STS token; the timestamp (at most 15 minutes
 * off); the nonce (never twice). Failures are thrown as {@link ApiError}.
 */
final class RequestVerifier {
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);
    private static final Set<String> V1_COMMON = Set.of("Action", "Version", "Format", "AccessKeyId",
            "SignatureMethod", "SignatureVersion", "SignatureNonce", "SignatureType", "Timestamp", "SecurityToken",
            "Signature");

    private final Clock clock;
    private final Map<String, Instant> nonces = new LinkedHashMap<>();

    RequestVerifier(Clock clock) {
        this.clock = clock;
    }

    /** Whether the request is signed with V3; V1 otherwise. */
    static boolean isV3(Map<String, String> headers) {
        String auth = headers.get("authorization");
        return auth != null && auth.startsWith(Acs3Signer.ALGORITHM);
    }

    /**
     * @param headers request headers, names lower-cased
     * @param params  the query's parameters, then the form body's
     * @param query   the query's parameters alone
     */
    SignedCall verify(String method, String path, Map<String, String> headers, Map<String, String> params,
                      Map<String, String> query, String body) {
        return isV3(headers) ? verifyV3(method, path, headers, params, query, body) : verifyV1(method, params);
    }

    private SignedCall verifyV3(String method, String path, Map<String, String> headers, Map<String, String> params,
                                Map<String, String> query, String body) {
        Map<String, String> auth = new TreeMap<>();
        for (String part : headers.get("authorization").substring(Acs3Signer.ALGORITHM.length()).trim().split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                auth.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        String accessKeyId = auth.get("Credential");
        String signedHeaders = auth.get("SignedHeaders");
        String signature = auth.get("Signature");
        if (accessKeyId == null || signedHeaders == null || signature == null) {
            throw ErrorCode.INCOMPLETE_SIGNATURE.error("The Authorization header needs Credential, SignedHeaders "
                    + "and Signature.");
        }
        Set<String> signed = Set.of(signedHeaders.split(";"));
        for (String name : headers.keySet()) {
            if ((name.startsWith("x-acs-") || name.equals("host")) && !signed.contains(name)) {
                throw ErrorCode.INCOMPLETE_SIGNATURE.error("The header " + name + " is not in SignedHeaders.");
            }
        }
        Map<String, String> signedValues = new TreeMap<>();
        for (String name : signed) {
            String value = headers.get(name);
            if (value == null) {
                throw ErrorCode.INCOMPLETE_SIGNATURE.error("The signed header " + name + " is missing.");
            }
            signedValues.put(name, value);
        }
        String action = requiredHeader(headers, "x-acs-action");
        String version = requiredHeader(headers, "x-acs-version");
        String date = requiredHeader(headers, "x-acs-date");
        String nonce = requiredHeader(headers, "x-acs-signature-nonce");
        String payloadHash = requiredHeader(headers, "x-acs-content-sha256");
        checkTimestamp(date);
        String secret = secret(accessKeyId);
        String stringToSign = Acs3Signer.stringToSign(
                Acs3Signer.canonicalRequest(method, path, query, signedValues, payloadHash));
        if (!same(Acs3Signer.signature(secret, stringToSign), signature)
                || !payloadHash.equals(Acs3Signer.sha256Hex(body))) {
            throw mismatch(stringToSign);
        }
        checkToken(accessKeyId, headers.get("x-acs-security-token"));
        checkVersion(version);
        useNonce(nonce);
        return new SignedCall(action, params);
    }

    private SignedCall verifyV1(String method, Map<String, String> params) {
        Map<String, String> all = new TreeMap<>(params);
        String signature = all.remove("Signature");
        String accessKeyId = all.get("AccessKeyId");
        if (signature == null || accessKeyId == null || all.get("SignatureNonce") == null) {
            throw ErrorCode.INCOMPLETE_SIGNATURE.error("The request needs an Authorization header (V3) or "
                    + "Signature, AccessKeyId and SignatureNonce parameters (V1).");
        }
        if (!"HMAC-SHA1".equals(all.get("SignatureMethod")) || !"1.0".equals(all.get("SignatureVersion"))) {
            throw ErrorCode.INCOMPLETE_SIGNATURE.error("SignatureMethod must be HMAC-SHA1 and SignatureVersion 1.0.");
        }
        String action = RequestParams.required(all, "Action");
        String version = RequestParams.required(all, "Version");
        checkTimestamp(RequestParams.required(all, "Timestamp"));
        String secret = secret(accessKeyId);
        String stringToSign = RpcV1Signer.stringToSign(method, RpcV1Signer.canonicalizedQuery(all));
        if (!same(RpcV1Signer.signature(secret, stringToSign), signature)) {
            throw mismatch(stringToSign);
        }
        checkToken(accessKeyId, all.get("SecurityToken"));
        checkVersion(version);
        useNonce(all.get("SignatureNonce"));
        Map<String, String> own = new TreeMap<>(all);
        own.keySet().removeAll(V1_COMMON);
        return new SignedCall(action, own);
    }

    private static String requiredHeader(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isEmpty()) {
            throw ErrorCode.INCOMPLETE_SIGNATURE.error("The header " + name + " is missing.");
        }
        return value;
    }

    private void checkTimestamp(String timestamp) {
        Instant at;
        try {
            at = Instant.from(RequestSigner.TIMESTAMP.parse(timestamp));
        } catch (DateTimeParseException e) {
            throw ErrorCode.TIMESTAMP_MALFORMED.error();
        }
        if (Duration.between(at, clock.instant()).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
            throw ErrorCode.TIMESTAMP_EXPIRED.error("Specified time stamp or date value is expired: " + timestamp
                    + " is more than 15 minutes from the server's " + RequestSigner.TIMESTAMP.format(clock.instant())
                    + ".");
        }
    }

    private static String secret(String accessKeyId) {
        String secret = SandboxKeys.secretOf(accessKeyId);
        if (secret == null) {
            throw ErrorCode.ACCESS_KEY_NOT_FOUND.error();
        }
        return secret;
    }

    private static ApiError mismatch(String stringToSign) {
        return ErrorCode.SIGNATURE_MISMATCH.error("Specified signature does not match our calculation. "
                + "server string to sign is:" + stringToSign);
    }

    private static void checkToken(String accessKeyId, String token) {
        boolean sts = accessKeyId.equals(SandboxKeys.STS_ACCESS_KEY_ID);
        if (sts != (token != null)) {
            throw ErrorCode.SECURITY_TOKEN_MISMATCH.error();
        }
        if (sts && !same(SandboxKeys.STS_SECURITY_TOKEN, token)) {
            throw ErrorCode.SECURITY_TOKEN_MALFORMED.error();
        }
    }

    private static void checkVersion(String version) {
        if (!ApiCall.ECS_VERSION.equals(version)) {
            throw ErrorCode.INVALID_VERSION.error();
        }
    }

    private synchronized void useNonce(String nonce) {
        Instant now = clock.instant();
        Iterator<Instant> times = nonces.values().iterator();
        while (times.hasNext() && times.next().isBefore(now.minus(MAX_CLOCK_SKEW.multipliedBy(2)))) {
            times.remove();
        }
        if (nonces.putIfAbsent(nonce, now) != null) {
            throw ErrorCode.NONCE_USED.error();
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
