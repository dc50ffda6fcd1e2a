package dev.ecsimage.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * An image the simulated account sees: a seeded one (fixed status) or a copy made by CopyImage
 * (status from its {@link CopyJob}).
 *
 * @param sourceImageId the image it was copied from, null when it is no copy made here
 * @param job           the copy's timeline, null for seeded images
 */
record SandboxImage(String id, String region, String name, String description, String ownerAlias, int sizeGiB,
                    Instant creationTime, boolean copied, CopyBehaviour behaviour, String snapshotId,
                    String fixedStatus, int fixedProgress, Map<String, String> tags, Encryption encryption,
                    String resourceGroupId, String sourceImageId, CopyJob job) {
    static final String SELF = "self";
    static final String OTHERS = "others";
    static final String SYSTEM = "system";
    static final String MARKETPLACE = "marketplace";

    static SandboxImage of(SeedImage seed) {
        return new SandboxImage(seed.id(), seed.region(), seed.name(), seed.description(), seed.ownerAlias(),
                seed.sizeGiB(), seed.creationTime(), seed.copied(), seed.behaviour(), seed.snapshotId(),
                seed.status(), seed.progress(), seed.tags(), seed.encryption(), null, null, null);
    }

    String status() {
        return job == null ? fixedStatus : job.status();
    }

    int progress(Instant now) {
        return job == null ? fixedProgress : job.progress(now);
    }

    boolean copyInProgress() {
        return job != null && job.inProgress();
    }

    /** The account's own image (not shared with it, not public). */
    boolean own() {
        return ownerAlias.equals(SELF);
    }
}
