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
    /** The deadline came first. */
    TIMED_OUT,
    /** A permanent error ended the wait (denied, not found, ...). */
    ERROR
}
