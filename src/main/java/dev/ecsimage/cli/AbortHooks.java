package dev.ecsimage.cli;

import dev.ecsimage.output.Messages;
import java.util.function.Supplier;

/**
 * Where a command registers what must happen if the process is interrupted (Ctrl-C, SIGTERM):
 * the JVM's shutdown hooks in real runs (where a second Ctrl-C then ends the process at once,
 * {@link SecondInterrupt}), a recorder in tests.
 */
public interface AbortHooks {
    AbortHooks JVM = new AbortHooks() {
        @Override
        public Object register(Runnable onAbort, Supplier<Messages> text) {
            SecondInterrupt.install(() -> text.get().get("interrupt.again"));
            return register(onAbort);
        }

        @Override
        public Object register(Runnable onAbort) {
            Thread hook = new Thread(onAbort, "ecs-image-abort");
            Runtime.getRuntime().addShutdownHook(hook);
            return hook;
        }

        @Override
        public void unregister(Object handle) {
            try {
                Runtime.getRuntime().removeShutdownHook((Thread) handle);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running: let it finish its work
            }
        }
    };

    /**
     * A terminal echoes Ctrl-C as {@code ^C} and no newline: the abort hook ends that line first,
     * so that what it prints starts at the left.
     */
    static void endEchoedLine(Context context) {
        if (context.stderrIsTerminal()) {
            context.err().println();
        }
    }

    /** @return a handle for {@link #unregister} */
    Object register(Runnable onAbort);

    /**
     * {@link #register(Runnable)}, for a run that speaks {@code text}'s language: what a second
     * Ctrl-C prints while {@code onAbort} runs is said in it.
     */
    default Object register(Runnable onAbort, Supplier<Messages> text) {
        return register(onAbort);
    }

    void unregister(Object handle);
}
