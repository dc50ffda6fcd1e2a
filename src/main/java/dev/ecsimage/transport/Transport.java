package dev.ecsimage.transport;

import java.io.IOException;
import java.time.Duration;

/**
 * Sends one attempt of an API call and returns what the service answered. Implementations sign
 * every attempt afresh. An {@link IOException} means no usable answer arrived (refused, reset,
 * timed out; {@link AnswerTooLargeException}: too long to read; {@link CallDeadlineException}:
 * cut at the caller's deadline). Retrying is the caller's decision. A
 * {@link ConnectionConfigException} means the user must change something first.
 */
public interface Transport extends AutoCloseable {
    RawResponse send(ApiCall call) throws IOException;

    /**
     * Like {@link #send(ApiCall)}, but the attempt ends within {@code timeLeft}, the caller's time
     * left for the whole call (null: no limit): an attempt still running then is aborted with a
     * {@link CallDeadlineException}. Transports that answer at once may ignore it.
     */
    default RawResponse send(ApiCall call, Duration timeLeft) throws IOException {
        return send(call);
    }

    /** Where calls for {@code region} go, for logs: also known when no answer arrived. */
    default String endpoint(String region) {
        return "-";
    }

    /**
     * The service rejected the last attempt's security token as expired: have the credentials
     * fetched anew for the next attempt.
     */
    default void credentialsRejected() {}

    @Override
    default void close() {}
}
