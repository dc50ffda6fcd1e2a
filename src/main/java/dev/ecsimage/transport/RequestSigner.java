package dev.ecsimage.transport;

import dev.ecsimage.auth.Credentials;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns an RPC call (action, version, parameters) into a {@link SignedRequest} for one host,
 * with the given signature version. Pure: time and nonce are inputs, so every attempt can be
 * signed afresh and tests can reproduce a request exactly.
 */
public final class RequestSigner {
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private RequestSigner() {}

    /** Parameters with empty values are dropped: the service treats them as absent, and so do we. */
    public static Map<String, String> nonEmpty(Map<String, String> params) {
        Map<String, String> out = new TreeMap<>();
        params.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                out.put(k, v);
            }
        });
        return out;
    }

    public static SignedRequest sign(SignatureVersion version, String host, String action, String apiVersion,
                                     Map<String, String> params, Credentials credentials, Instant now, String nonce) {
        return version == SignatureVersion.v1
                ? signV1(action, apiVersion, params, credentials, now, nonce)
                : signV3(host, action, apiVersion, params, credentials, now, nonce);
    }

    /** An empty token is no token: sending it would be an empty (but signed) header or parameter. */
    private static boolean hasToken(Credentials credentials) {
        return credentials.securityToken() != null && !credentials.securityToken().isEmpty();
    }

    static SignedRequest signV3(String host, String action, String apiVersion, Map<String, String> params,
                                Credentials credentials, Instant now, String nonce) {
        Map<String, String> query = nonEmpty(params);
        Map<String, String> headers = new TreeMap<>();
        headers.put("host", host);
        headers.put("x-acs-action", action);
        headers.put("x-acs-version", apiVersion);
        headers.put("x-acs-date", TIMESTAMP.format(now));
        headers.put("x-acs-signature-nonce", nonce);
        headers.put("x-acs-content-sha256", Acs3Signer.EMPTY_PAYLOAD_SHA256);
        if (hasToken(credentials)) {
            headers.put("x-acs-security-token", credentials.securityToken());
        }
        String canonical = Acs3Signer.canonicalRequest("POST", "/", query, headers, Acs3Signer.EMPTY_PAYLOAD_SHA256);
        String stringToSign = Acs3Signer.stringToSign(canonical);
        String signature = Acs3Signer.signature(credentials.accessKeySecret(), stringToSign);
        Map<String, String> wire = new LinkedHashMap<>(headers);
        wire.remove("host");
        wire.put("Authorization", Acs3Signer.authorization(credentials.accessKeyId(), headers, signature));
        String queryString = Acs3Signer.canonicalQuery(query);
        return new SignedRequest("POST", queryString.isEmpty() ? "/" : "/?" + queryString, wire, "", stringToSign);
    }

    static SignedRequest signV1(String action, String apiVersion, Map<String, String> params,
                                Credentials credentials, Instant now, String nonce) {
        Map<String, String> all = new TreeMap<>(params);
        all.put("Action", action);
        all.put("Version", apiVersion);
        all.put("Format", "JSON");
        all.put("AccessKeyId", credentials.accessKeyId());
        all.put("SignatureMethod", "HMAC-SHA1");
        all.put("SignatureVersion", "1.0");
        all.put("SignatureNonce", nonce);
        all.put("Timestamp", TIMESTAMP.format(now));
        if (hasToken(credentials)) {
            all.put("SecurityToken", credentials.securityToken());
        }
        all = nonEmpty(all);
        String canonical = RpcV1Signer.canonicalizedQuery(all);
        String stringToSign = RpcV1Signer.stringToSign("POST", canonical);
        String body = canonical + "&Signature=" + PercentEncoding.encode(
                RpcV1Signer.signature(credentials.accessKeySecret(), stringToSign));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        return new SignedRequest("POST", "/", headers, body, stringToSign);
    }
}
