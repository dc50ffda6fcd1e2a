package dev.ecsimage.sandbox;

/**
 * A region of the simulated ECS and the limits the sandbox's account has there.
 *
 * @param idPrefix          the three characters that follow {@code m-} / {@code s-} in the region's ids
 * @param copySupported     false: CopyImage from or to here answers RegionNotSupportCopy
 * @param byokSupported     false: a copy encrypted with a KMS key cannot land here (InvalidRegion.NotSupport)
 * @param imageQuota        how many custom images the account may hold here (QuotaExceed.Image beyond)
 * @param snapshotQuotaFull true: the account's snapshot quota here is used up (QuotaExceed.Snapshot)
 * @param scenario          what the region plays in the sandbox, null for an ordinary region
 */
public record Region(String id, String idPrefix, boolean copySupported, boolean byokSupported, int imageQuota,
                     boolean snapshotQuotaFull, String scenario) {
    public static final int DEFAULT_IMAGE_QUOTA = 100;

    static Region standard(String id, String idPrefix) {
        return new Region(id, idPrefix, true, true, DEFAULT_IMAGE_QUOTA, false, null);
    }

    /** The ECS endpoint host, as the error bodies' HostId names it. */
    String host() {
        return "ecs." + id + ".aliyuncs.com";
    }
}
