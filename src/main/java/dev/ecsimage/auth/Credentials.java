package dev.ecsimage.auth;

import java.time.Instant;

/**
 * An access key pair, with the STS token and expiration of temporary credentials.
 * {@link #toString()} never shows the secret or the token.
 *
 * @param securityToken null for a long-lived access key
 * @param expiration    null when the credentials do not expire
 * @param source        where they came from, for {@code --verbose} (never a secret)
 */
public record Credentials(String accessKeyId, String accessKeySecret, String securityToken,
                          Instant expiration, String source) {

    public static Credentials of(String accessKeyId, String accessKeySecret, String securityToken, String source) {
        return new Credentials(accessKeyId, accessKeySecret, blankToNull(securityToken), null, source);
    }

    /** What {@code --verbose} may show: the source, the masked key id and the expiration. */
    public String describe() {
        return source + " (" + maskedKeyId() + ")" + (expiration == null ? "" : ", expires " + expiration);
    }

    /** {@code LTAI****1234}: the first and last four characters of a long id, else only stars. */
    public String maskedKeyId() {
        return accessKeyId.length() < 12 ? "****"
                : accessKeyId.substring(0, 4) + "****" + accessKeyId.substring(accessKeyId.length() - 4);
    }

    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + accessKeyId + ", accessKeySecret=<redacted>, securityToken="
                + (securityToken == null ? "none" : "<redacted>") + ", expiration=" + expiration
                + ", source=" + source + "]";
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
