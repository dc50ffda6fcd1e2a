package dev.ecsimage.cli;

import dev.ecsimage.ExitStatus;
import dev.ecsimage.output.Json;
import dev.ecsimage.output.Language;
import dev.ecsimage.output.Messages;
import dev.ecsimage.sandbox.Faults;
import dev.ecsimage.sandbox.SandboxKeys;
import dev.ecsimage.sandbox.SandboxServer;
import dev.ecsimage.sandbox.Seed;
import dev.ecsimage.sandbox.SimulatedEcs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ecs-image sandbox selftest}: copy, status and cancel over real HTTP against a sandbox in
 * this process, as a user would run them. It tells whether the tool works on this machine. (The
 * start-up archive is recorded from {@code startup/Training} instead, which keeps the sandbox out
 * of it.) It must not be flaky: the copy it cancels runs in a second sandbox where copies take a month, so
 * the cancel never races the copy's end. A step that fails is not a bug of ecs-image as such:
 * the selftest says which step failed and exits with that step's status.
 */
@Command(name = "selftest",
        description = "Run copy, status and cancel over HTTP against a sandbox in this process: checks that "
                + "ecs-image works on this machine. Exit 0 when every step passed, else the failed step's status.")
final class SelfTestCommand implements Callable<Integer> {
    private static final double FAST = 2000;
    /** A copy at this speed takes a month: the one the selftest cancels is sure to be running still. */
    private static final double STILL = 100.0 / (30 * 24 * 3600);

    @ParentCommand
    SandboxCommand parent;

    @Override
    public Integer call() throws Exception {
        Context context = parent.root.context;
        Messages text = parent.root.text();
        long start = System.nanoTime();
        try (SandboxServer fast = server(context, FAST); SandboxServer still = server(context, STILL)) {
            Map<String, String> env = env(fast, text.language());
            String copied = step(context, env, "copy", "-i", Seed.DEMO_IMAGE_ID, "-r", Seed.DEMO_REGION,
                    "-t", "cn-shanghai", "--interval", "20ms", "--progress", "plain", "-o", "json");
            String id = Json.parse(copied).at("/copies/0/imageId").asText();
            step(context, env, "status", "-r", "cn-shanghai", "-i", id);
            // A copy that cannot end before it is cancelled, however slow this machine is.
            Map<String, String> stillEnv = env(still, text.language());
            String running = step(context, stillEnv, "copy", "-i", Seed.DEMO_IMAGE_ID, "-r", Seed.DEMO_REGION,
                    "-t", "cn-beijing", "--no-wait", "-q").trim();
            step(context, stillEnv, "cancel", "-i", "cn-beijing:" + running, "--wait", "--interval", "20ms");
            step(context, env, "--help");
        } catch (StepFailed e) {
            context.err().println("ecs-image: " + text.get("selftest.failed", String.join(" ", e.args), e.status));
            context.err().print(e.err);
            return e.status;
        }
        context.out().println(text.get("selftest.passed", (System.nanoTime() - start) / 1_000_000));
        return ExitStatus.SUCCESS.code;
    }

    private static SandboxServer server(Context context, double speed) throws java.io.IOException {
        return SandboxServer.start(new SimulatedEcs(context.clock(), speed), 0, Faults.NONE, context.clock(),
                context.sleeper(), line -> { });
    }

    /** The environment of a step: the sandbox's keys and endpoint, and the selftest's language for what it says. */
    private static Map<String, String> env(SandboxServer server, Language language) {
        return Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", SandboxKeys.ACCESS_KEY_ID,
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET", SandboxKeys.ACCESS_KEY_SECRET,
                "ECS_IMAGE_ENDPOINT", server.url().toString(), "HOME", "/nonexistent",
                "ECS_IMAGE_LANG", language.name());
    }

    /** Runs one command as a user would, in this process; its stdout, or StepFailed. */
    private static String step(Context context, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context inner = new Context(env, context.home(), context.clock(), context.sleeper(),
                new PrintWriter(out, true), new PrintWriter(err, true), false, context.ids(), NO_HOOKS, null);
        int status = EcsImageCommand.run(inner, args);
        if (status != 0) {
            throw new StepFailed(List.of(args), status, err.toString());
        }
        return out.toString();
    }

    private static final AbortHooks NO_HOOKS = new AbortHooks() {
        @Override
        public Object register(Runnable onAbort) {
            return onAbort;
        }

        @Override
        public void unregister(Object handle) {
        }
    };

    private static final class StepFailed extends RuntimeException {
        final List<String> args;
        final int status;
        final String err;

        StepFailed(List<String> args, int status, String err) {
            super(null, null, false, false);
            this.args = args;
            this.status = status;
            this.err = err;
        }
    }
}
