package dev.ecsimage.transport;

import java.time.Duration;

/** Waits; injected so tests never sleep. Interruptible, so a deadline or a signal can end a wait. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
