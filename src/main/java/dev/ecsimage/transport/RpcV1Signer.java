package dev.ecsimage.transport;

import java.util.Base64;
import java.util.Map;

/**
 * RPC signature V1, {@code HMAC-SHA1} (ECS-API-NOTES section 1), as pure steps:
 * canonicalized query string, string to sign, signature.
 */
public final class RpcV1Signer {
    private RpcV1Signer() {}

    /** Step 1: parameters sorted by name, {@code enc(k)=enc(v)} joined by {@code &}. */
    public static String canonicalizedQuery(Map<String, String> params) {
        return Acs3Signer.canonicalQuery(params);
    }

    /** Step 2: {@code METHOD & enc("/") & enc(canonicalizedQuery)}. */
    public static String stringToSign(String method, String canonicalizedQuery) {
        return method + "&" + PercentEncoding.encode("/") + "&" + PercentEncoding.encode(canonicalizedQuery);
    }

    /** Step 3: Base64 HMAC-SHA1 keyed with {@code secret + "&"}. */
    public static String signature(String accessKeySecret, String stringToSign) {
        return Base64.getEncoder().encodeToString(Acs3Signer.hmac("HmacSHA1", accessKeySecret + "&", stringToSign));
    }
}
