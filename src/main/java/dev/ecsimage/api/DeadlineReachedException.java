package dev.ecsimage.api;

/**
 * The caller's deadline ({@link EcsClient#withDeadline}) passed before the call could finish: no
 * attempt was started after it, a backoff wait was cut short at it, or the attempt in flight was
 * aborted at it. Not retried ({@link #isTransient()} is false), so no loop spins on it. Whether a
 * call that was cut took effect is unknown: a CopyImage may have started a copy (running it again
 * with the same ClientToken is safe). Its kind is {@link ErrorKind#UNAVAILABLE}, but it means
 * "not finished in time": the command line reports it as still in progress (exit 12).
 */
public final class DeadlineReachedException extends EcsException {
    /** The synthetic code. */
    public static final String CODE = "DeadlineReached";

    DeadlineReachedException(String message, EcsException lastFailure) {
        super(CODE, message, lastFailure == null ? null : lastFailure.requestId(), 0, null, ErrorKind.UNAVAILABLE,
                lastFailure);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
