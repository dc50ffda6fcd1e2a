package dev.ecsimage.sandbox;

/**
 * How an image's disks are encrypted: not at all, with the service key (Encrypted without a
 * KMSKeyId), or with a customer master key of KMS. Only the last can be shared.
 *
 * @param kmsKeyId the customer master key, null for the service key or no encryption
 */
public record Encryption(boolean encrypted, String kmsKeyId) {
    public static final Encryption NONE = new Encryption(false, null);
    public static final Encryption SERVICE_KEY = new Encryption(true, null);

    public Encryption {
        if (kmsKeyId != null && !encrypted) {
            throw new IllegalArgumentException("a KMS key encrypts: encrypted must be true");
        }
    }

    public static Encryption kmsKey(String kmsKeyId) {
        return new Encryption(true, kmsKeyId);
    }

    public boolean withServiceKey() {
        return encrypted && kmsKeyId == null;
    }
}
