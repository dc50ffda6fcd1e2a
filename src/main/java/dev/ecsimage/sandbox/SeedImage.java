package dev.ecsimage.sandbox;

import java.time.Instant;

/**
 * An image the sandbox's account holds when the sandbox starts, and the scenario it plays.
 *
 * @param status     its status for ever (seeded images do not change)
 * @param progress   percent shown while {@code status} is Creating
 * @param ownerAlias {@code self}, or {@code others} for an image shared with the account
 * @param copied     whether it is itself a copy (CancelCopyImage then answers IncorrectImageStatus)
 * @param scenario   one line for {@code sandbox images}: what to do with it and what happens
 */
public record SeedImage(String id, String region, String name, String description, String status, int progress,
                        int sizeGiB, Instant creationTime, String ownerAlias, boolean copied,
                        CopyBehaviour behaviour, String snapshotId, String scenario) {
}
