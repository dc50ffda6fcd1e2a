package dev.ecsimage.sandbox;

/**
 * A KMS key of the sandbox's account, usable as CopyImage's KMSKeyId (in every region), and
 * what happens when it is used.
 */
public record KmsKey(String id, Access access, String scenario) {
    /** How the simulated ECS service may use the key. */
    public enum Access {
        /** Encrypts the copy. */
        USABLE,
        /** InvalidParameter.KMSKeyId.KMSUnauthorized: ECS has no right to use it. */
        ECS_UNAUTHORIZED,
        /** UserNotInTheWhiteList: imported key material (BYOK), the account is not on the BYOK white list. */
        BYOK_NOT_WHITELISTED
    }
}
