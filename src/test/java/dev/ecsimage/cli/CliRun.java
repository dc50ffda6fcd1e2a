package dev.ecsimage.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs ecs-image in-process against a {@link ScriptedEcs} with fake time; captures stdout and stderr. */
final class CliRun {
    record Result(int status, String out, String err) {}

    final ScriptedEcs ecs = new ScriptedEcs();
    final FakeTime time = new FakeTime();
    final Map<String, String> env = new HashMap<>(Map.of(
            "ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAItestkeyid0001",
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "test-secret-do-not-print",
            "COLUMNS", "80", "LINES", "24"));
    final List<Runnable> abortHooks = new ArrayList<>();
    boolean terminal;
    Path home = Path.of("/nonexistent-home");

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger ids = new AtomicInteger();
        AbortHooks hooks = new AbortHooks() {
            @Override
            public Object register(Runnable onAbort) {
                abortHooks.add(onAbort);
                return onAbort;
            }

            @Override
            public void unregister(Object handle) {
                abortHooks.remove(handle);
            }
        };
        Context context = new Context(env, home, time, time, new PrintWriter(out, true), new PrintWriter(err, true),
                terminal, () -> "token-" + ids.incrementAndGet(), hooks, ecs);
        int status;
        try {
            status = EcsImageCommand.run(context, args);
        } catch (Halted halted) {
            status = 130;
        }
        return new Result(status, out.toString(), err.toString());
    }

    /**
     * Plays Ctrl-C as the JVM does it: the abort hooks run (here, in the calling thread), then the
     * process ends: the run stops where it is and its status is 130.
     */
    void interrupt() {
        new ArrayList<>(abortHooks).forEach(Runnable::run);
        throw new Halted();
    }

    /** {@code text} with the (random) delays of retry lines as {@code Xs}: {@code retrying (2/5) in Xs}. */
    static String anyDelay(String text) {
        return text.replaceAll("(retrying \\(\\d+/\\d+\\) in )\\d+\\.\\ds", "$1Xs");
    }

    /** The end of the process after an interrupt, thrown through the command. */
    static final class Halted extends Error {
        Halted() {
            super(null, null, false, false);
        }
    }
}
