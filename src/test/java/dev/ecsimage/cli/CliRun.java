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
        int status = EcsImageCommand.run(context, args);
        return new Result(status, out.toString(), err.toString());
    }
}
