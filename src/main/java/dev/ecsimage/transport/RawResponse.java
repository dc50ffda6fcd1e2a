package dev.ecsimage.transport;

/**
 * What came back for one attempt: HTTP status and body text, the endpoint that answered,
 * and the string we signed (for diagnosing SignatureDoesNotMatch).
 */
public record RawResponse(int status, String body, String endpoint, String stringToSign) {
}
