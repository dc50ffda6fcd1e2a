package dev.ecsimage.transport;

/** Which request signature to use; {@code v3} (ACS3-HMAC-SHA256) is the default. */
public enum SignatureVersion {
    v3, v1
}
