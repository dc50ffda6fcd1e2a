package dev.ecsimage.output;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGWINCH, the terminal's "my size changed", for the progress bars. Java has no public API for
 * it; {@code sun.misc.Signal} (module jdk.unsupported) is what terminal libraries such as JLine
 * use. Where the signal does not exist (Windows) nothing is installed and the bars keep the size
 * they measured first.
 */
final class ResizeSignal implements AutoCloseable {
    private final Signal signal;
    private final SignalHandler previous;

    private ResizeSignal(Signal signal, SignalHandler previous) {
        this.signal = signal;
        this.previous = previous;
    }

    /** Runs {@code onResize} (on a signal thread) at each SIGWINCH until closed; null where there is no such signal. */
    static ResizeSignal install(Runnable onResize) {
        try {
            Signal winch = new Signal("WINCH");
            return new ResizeSignal(winch, Signal.handle(winch, s -> onResize.run()));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return null;
        }
    }

    @Override
    public void close() {
        Signal.handle(signal, previous);
    }
}
