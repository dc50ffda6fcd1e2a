package dev.ecsimage.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A second Ctrl-C ends the process at once. The first one exits as the JVM would (status 130,
 * after the shutdown hooks, which print the record of the run and may cancel copies for a few
 * seconds); but while those hooks run, the JVM's own handler ignores every further SIGINT. This
 * handler halts on the second one instead. A SIGINT the process was started to ignore (a
 * background job of a script) stays ignored. The line it prints is said in the run's language,
 * asked for only when it is printed.
 */
final class SecondInterrupt {
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final AtomicBoolean INTERRUPTED = new AtomicBoolean();
    private static final int STATUS = 130;

    private SecondInterrupt() {}

    /** @param line the line to print on the second SIGINT (after {@code ecs-image: }) */
    static void install(Supplier<String> line) {
        if (!INSTALLED.compareAndSet(false, true)) {
            return;
        }
        Signal sigint = new Signal("INT");
        try {
            SignalHandler previous = Signal.handle(sigint, signal -> {
                if (INTERRUPTED.getAndSet(true)) {
                    System.err.println();
                    System.err.println("ecs-image: " + line.get());
                    System.err.flush();
                    Runtime.getRuntime().halt(STATUS);
                }
                System.exit(STATUS); // this signal's own thread runs the shutdown hooks
            });
            if (previous == SignalHandler.SIG_IGN) {
                Signal.handle(sigint, SignalHandler.SIG_IGN);
            }
        } catch (IllegalArgumentException e) {
            // the JVM keeps SIGINT to itself (-Xrs and the like): its own handling applies
        }
    }
}
