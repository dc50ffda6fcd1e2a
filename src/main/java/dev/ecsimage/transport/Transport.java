package dev.ecsimage.transport;

import java.io.IOException;

/**
 * Sends one attempt of an API call and returns what the service answered. Implementations sign
 * every attempt afresh. An {@link IOException} means no usable answer arrived (refused, reset,
 * timed out). Retrying is the caller's decision.
 */
public interface Transport extends AutoCloseable {
    RawResponse send(ApiCall call) throws IOException;

    @Override
    default void close() {}
}
