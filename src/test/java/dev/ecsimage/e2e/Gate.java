package dev.ecsimage.e2e;

import dev.ecsimage.transport.Sleeper;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox's sleeper for its request delay ({@code Faults.delay}): the first {@code passes}
 * delayed requests go through at once, the others are held until the test opens the gate (or
 * their delay ends). So a test can hold a call in flight for as long as it needs.
 */
final class Gate implements Sleeper {
    private final CountDownLatch open = new CountDownLatch(1);
    private final int passes;
    private int arrived;

    Gate(int passes) {
        this.passes = passes;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        boolean held;
        synchronized (this) {
            held = ++arrived > passes;
            notifyAll();
        }
        if (held) {
            open.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Waits until {@code count} delayed requests have arrived (passed or held). */
    synchronized void awaitArrived(int count, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (arrived < count) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("only " + arrived + " delayed requests arrived, not " + count);
            }
            wait(left);
        }
    }

    void open() {
        open.countDown();
    }
}
