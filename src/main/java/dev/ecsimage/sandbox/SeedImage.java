package dev.ecsimage.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * An image the sandbox's account sees when the sandbox starts, and the scenario it plays.
 *
 * @param id         {@code m-...}; a public (system) image's id is its name and is the same in every region
 * @param status     its status for ever (seeded images do not change)
 * @param progress   percent shown while {@code status} is Creating
 * @param ownerAlias {@code self} (the account's own), {@code others} (shared with it by another
 *                   account), {@code system} (public) or {@code marketplace}
 * @param copied     whether it is itself a copy (CancelCopyImage then answers IncorrectImageStatus)
 * @param snapshotId its system disk's snapshot, null for a public image
 * @param tags       its tags, in order
 * @param scenario   one line for {@code sandbox images}: what to do with it and what happens
 */
public record SeedImage(String id, String region, String name, String description, String status, int progress,
                        int sizeGiB, Instant creationTime, String ownerAlias, boolean copied,
                        CopyBehaviour behaviour, String snapshotId, Map<String, String> tags, Encryption encryption,
                        String scenario) {

    /** An image without tags or encryption. */
    public SeedImage(String id, String region, String name, String description, String status, int progress,
                     int sizeGiB, Instant creationTime, String ownerAlias, boolean copied, CopyBehaviour behaviour,
                     String snapshotId, String scenario) {
        this(id, region, name, description, status, progress, sizeGiB, creationTime, ownerAlias, copied, behaviour,
                snapshotId, Map.of(), Encryption.NONE, scenario);
    }
}
