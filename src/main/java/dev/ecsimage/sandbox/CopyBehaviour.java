package dev.ecsimage.sandbox;

/**
 * What the sandbox does when an image is copied: the checks it fails, or how its copies run.
 * A copy keeps the behaviour of its source.
 */
public enum CopyBehaviour {
    /** Copies run at the sandbox's speed and end Available. */
    NORMAL,
    /** Copies run at a tenth of the sandbox's speed. */
    SLOW,
    /** Copies stop at {@link SimulatedEcs#FAIL_AT_PERCENT} and end CreateFailed. */
    FAILS_PART_WAY,
    /** Forbbiden: a RAM policy denies the account this image. */
    FORBIDDEN,
    /** OperationDenied.SameRegionOnly: shared by another account. */
    SHARED_FROM_OTHERS,
    /** OperationDeined.EncryptedSnapshot: its snapshots are encrypted. */
    ENCRYPTED_SNAPSHOT,
    /** InvalidSnapshot.TooOld: a snapshot from before 2013-07-15. */
    SNAPSHOT_TOO_OLD,
    /** InvalidSnapshotId.NotFound: its snapshot was deleted. */
    SNAPSHOT_DELETED,
    /** OperationDenied: its snapshot may not make images (a local-disk snapshot). */
    SNAPSHOT_NOT_ALLOWED,
    /** OperationDenied.NotPublished: built from a marketplace image published only in some regions. */
    MARKETPLACE,
}
