package dev.ecsimage.transport;

import java.io.IOException;

/**
 * The caller's time limit for the call passed while an attempt was running: the attempt was
 * aborted. Not a failure of the network; the caller ends the call instead of retrying.
 */
public final class CallDeadlineException extends IOException {
    public CallDeadlineException(String message) {
        super(message);
    }
}
