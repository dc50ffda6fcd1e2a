package dev.ecsimage.transport;

import java.util.Map;

/**
 * A request ready for the wire: method, path with query, headers, form body (may be empty),
 * and the string that was signed (kept so a SignatureDoesNotMatch can show ours next to the service's).
 */
public record SignedRequest(String method, String pathAndQuery, Map<String, String> headers, String body,
                            String stringToSign) {
}
