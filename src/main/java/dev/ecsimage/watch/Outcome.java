package dev.ecsimage.watch;

/** How following one image ended. */
public enum Outcome {
    /** Available (or Deprecated). */
    AVAILABLE,
    /** CreateFailed or UnAvailable. */
    FAILED,
    /** Listed before, gone now (cancelled elsewhere, or deleted). When waiting for it to go, the goal. */
    GONE,
    /** Never listed. */
    NOT_FOUND,
    /** Still in progress when the wait ended (deadline), or when looked at once without waiting. */
    IN_PROGRESS,
    /** A permanent error ended the wait (denied, not found, ...). */
    ERROR
}
