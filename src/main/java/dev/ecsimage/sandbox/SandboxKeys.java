package dev.ecsimage.sandbox;

/**
 * The sandbox account's access keys, accepted by {@link SandboxServer}. They are fake and public
 * on purpose: {@code sandbox serve} prints them so any client can sign its requests.
 */
public final class SandboxKeys {
    public static final String ACCESS_KEY_ID = "LTAI5tSandboxDemoKey0001";
    public static final String ACCESS_KEY_SECRET = "SandboxSecretNotARealKey000001";
    /** An STS key pair: requests signed with it must carry {@link #STS_SECURITY_TOKEN}. */
    public static final String STS_ACCESS_KEY_ID = "STS.NSandboxTemporaryKey0001";
    public static final String STS_ACCESS_KEY_SECRET = "SandboxStsSecretNotARealKey001";
    public static final String STS_SECURITY_TOKEN = "CAISandboxSecurityTokenNotReal0000000000000000000001";

    private SandboxKeys() {}

    /** The secret of a sandbox access key id, null for an unknown one. */
    static String secretOf(String accessKeyId) {
        return switch (accessKeyId) {
            case ACCESS_KEY_ID -> ACCESS_KEY_SECRET;
            case STS_ACCESS_KEY_ID -> STS_ACCESS_KEY_SECRET;
            default -> null;
        };
    }
}
