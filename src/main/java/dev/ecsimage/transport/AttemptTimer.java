package dev.ecsimage.transport;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Bounds one attempt in time from another thread, since socket timeouts only bound each read:
 * connecting (TCP, a proxy tunnel, TLS) gets the connect timeout, the answer (from sending the
 * request to its last byte) the read timeout, and the whole attempt no more than the caller's
 * time left. When a bound passes the request is aborted, which closes its connection, so a
 * blocked read or connect ends at once; {@link #passed()} then says which bound it was.
 */
final class AttemptTimer {
    /** Where the transport's interceptor finds the timer of the request it sees. */
    static final String CONTEXT_ATTRIBUTE = AttemptTimer.class.getName();

    enum Bound { CONNECT, ANSWER, CALL }

    /** Made on the first attempt, not at start-up; a daemon, so it never keeps the process alive. */
    private static final class Scheduler {
        static final ScheduledThreadPoolExecutor INSTANCE = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
                Thread t = new Thread(task, "ecs-image-attempt-timer");
                t.setDaemon(true);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        }
    }

    private final Cancellable request;
    private final Duration readTimeout;
    private ScheduledFuture<?> phase;
    private ScheduledFuture<?> call;
    private boolean stopped;
    private volatile Bound passed;

    private AttemptTimer(Cancellable request, Duration readTimeout) {
        this.request = request;
        this.readTimeout = readTimeout;
    }

    /**
     * @param timeLeft the caller's time left for the whole call; null for no limit (nor is one
     *                 needed when it is longer than both timeouts together)
     */
    static AttemptTimer start(Cancellable request, Duration connectTimeout, Duration readTimeout, Duration timeLeft) {
        AttemptTimer timer = new AttemptTimer(request, readTimeout);
        synchronized (timer) {
            timer.phase = timer.schedule(connectTimeout, Bound.CONNECT);
            if (timeLeft != null && timeLeft.compareTo(connectTimeout.plus(readTimeout)) < 0) {
                timer.call = timer.schedule(timeLeft, Bound.CALL);
            }
        }
        return timer;
    }

    /** The connection is ready: from now on the answer gets the read timeout. */
    synchronized void connected() {
        if (!stopped && passed == null) {
            phase.cancel(false);
            phase = schedule(readTimeout, Bound.ANSWER);
        }
    }

    /** The attempt is over: nothing is aborted after this. */
    synchronized void stop() {
        stopped = true;
        phase.cancel(false);
        if (call != null) {
            call.cancel(false);
        }
    }

    /** Which bound passed and aborted the attempt; null when none did. */
    Bound passed() {
        return passed;
    }

    private ScheduledFuture<?> schedule(Duration delay, Bound bound) {
        return Scheduler.INSTANCE.schedule(() -> abort(bound), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    private void abort(Bound bound) {
        synchronized (this) {
            if (stopped || passed != null) {
                return;
            }
            passed = bound;
        }
        request.cancel();
    }
}
