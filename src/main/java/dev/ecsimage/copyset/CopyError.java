package dev.ecsimage.copyset;

import dev.ecsimage.ExitStatus;
import dev.ecsimage.api.DeadlineReachedException;
import dev.ecsimage.api.EcsException;

/**
 * Why a copy did not succeed, as the copy set keeps it and its JSON shows it: the service's code,
 * message and RequestId (or a synthetic code such as {@code NetworkError}), the HTTP status (null
 * when no answer came), and the exit status it stands for.
 */
public record CopyError(String code, String message, String requestId, Integer httpStatus, int exitStatus) {

    /** The error of a call; one that --timeout cut short stands for "still in progress" (12). */
    public static CopyError of(EcsException e) {
        ExitStatus status = e instanceof DeadlineReachedException ? ExitStatus.IN_PROGRESS : ExitStatus.of(e.kind());
        return new CopyError(e.code(), e.getMessage(), e.requestId(), e.httpStatus() > 0 ? e.httpStatus() : null,
                status.code);
    }
}
