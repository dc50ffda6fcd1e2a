package dev.ecsimage;

import dev.ecsimage.api.ErrorKind;
import dev.ecsimage.watch.TargetResult;

/** Every exit status ecs-image documents; shown in {@code --help} and the README. */
public enum ExitStatus {
    SUCCESS(0, "success: copy Available (or accepted with --no-wait, or dry run passed); status all Available; cancel done"),
    INTERNAL(1, "internal error (a bug: please report it)"),
    USAGE(2, "usage error: unknown option, bad value, a local check failed"),
    CONFIG(3, "configuration error: no credentials, unknown profile, bad config file, no region"),
    DENIED(4, ErrorKind.DENIED.meaning),
    NOT_FOUND(5, ErrorKind.NOT_FOUND.meaning),
    INVALID(6, ErrorKind.INVALID.meaning),
    CONFLICT(7, ErrorKind.CONFLICT.meaning + " (name exists, or cannot be reused; copy running; token reused)"),
    QUOTA(8, ErrorKind.QUOTA.meaning),
    UNAVAILABLE(9, ErrorKind.UNAVAILABLE.meaning + " (throttling, 5xx, network, unreadable answer)"),
    COPY_FAILED(10, "copy failed: the copy ended CreateFailed or UnAvailable"),
    VANISHED(11, "copy vanished while being waited for"),
    IN_PROGRESS(12, "still in progress: --timeout reached, or status of an image not yet final"),
    INTERRUPTED(130, "interrupted by SIGINT (Ctrl-C)"),
    TERMINATED(143, "terminated by SIGTERM");

    public final int code;
    public final String meaning;

    ExitStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public static ExitStatus of(ErrorKind kind) {
        return switch (kind) {
            case DENIED -> DENIED;
            case NOT_FOUND -> NOT_FOUND;
            case INVALID -> INVALID;
            case CONFLICT -> CONFLICT;
            case QUOTA -> QUOTA;
            case UNAVAILABLE -> UNAVAILABLE;
        };
    }

    /** The status of this code; {@link #INTERNAL} for a code that is none of them. */
    public static ExitStatus of(int code) {
        for (ExitStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return INTERNAL;
    }

    /** How one followed image ended, as a status. */
    public static ExitStatus of(TargetResult r) {
        return switch (r.outcome()) {
            case AVAILABLE -> SUCCESS;
            case FAILED -> COPY_FAILED;
            case GONE -> VANISHED;
            case NOT_FOUND -> NOT_FOUND;
            case IN_PROGRESS -> IN_PROGRESS;
            case ERROR -> of(r.error().kind());
        };
    }
}
