package dev.ecsimage.transport;

import java.io.IOException;

/**
 * An answer longer than {@link HttpTransport#MAX_ANSWER_BYTES}: not read to its end but
 * aborted, since the service's answers are small and an endless body would otherwise keep the
 * call busy forever. An unreadable answer, so it is retried.
 */
public final class AnswerTooLargeException extends IOException {
    private final int httpStatus;

    public AnswerTooLargeException(int httpStatus, String message) {
        super(message);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
