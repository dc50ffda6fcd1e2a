package dev.ecsimage.startup;

import dev.ecsimage.cli.Context;
import dev.ecsimage.cli.EcsImageCommand;
import dev.ecsimage.sandbox.SandboxKeys;
import dev.ecsimage.sandbox.Seed;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The workload the start-up archive is recorded from: what a user's client commands load, and
 * nothing else. The sandbox they talk to runs in a separate JVM ({@link TrainingSandbox}), so none
 * of its classes enter the archive (this class does not name them either); the commands run in this JVM through
 * {@link EcsImageCommand#run}, in English, with a temporary home (no user file is read) and the
 * sandbox's keys in their environment. A command that fails does not stop the training: the
 * classes it loaded on its way are what counts.
 */
public final class Training {
    private static final String SLOW_IMAGE = "m-bp1ht9lgmxg9edn581u3";

    private Training() {}

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("ecs-image-training");
        Process sandbox = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dev.ecsimage.startup.TrainingSandbox") // by name: the class would enter the archive
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String url = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (url != null) {
                workload(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", SandboxKeys.ACCESS_KEY_ID,
                        "ALIBABA_CLOUD_ACCESS_KEY_SECRET", SandboxKeys.ACCESS_KEY_SECRET,
                        "ECS_IMAGE_ENDPOINT", url, "ECS_IMAGE_LANG", "en", "HOME", home.toString()), home);
            }
        } finally {
            sandbox.getOutputStream().close();
            if (!sandbox.waitFor(10, TimeUnit.SECONDS)) {
                sandbox.destroyForcibly();
            }
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        System.exit(0); // the HTTP client's threads would keep the JVM, and the archive, waiting
    }

    /** The client workload: help, a copy followed to its end, status in every form, a cancel, v1 signing, a usage error. */
    static void workload(Map<String, String> env, Path home) throws IOException, ClassNotFoundException {
        Class.forName("dev.ecsimage.Main"); // and what it calls first: every run loads them
        StartupArchive.train(home, System.getProperty("java.class.path"));
        run(env, home, "--version");
        run(env, home, "--help");
        run(env, home, "status", "--help");
        String copied = run(env, home, "copy", "-i", Seed.DEMO_IMAGE_ID, "-r", Seed.DEMO_REGION, "-t", "cn-shanghai");
        String[] row = copied.strip().split("\\s+");
        String image = row.length > 1 ? row[1] : Seed.DEMO_IMAGE_ID;
        run(env, home, "status", "-r", "cn-shanghai", "-i", image);
        run(env, home, "status", "-r", "cn-shanghai", "-i", image, "-o", "json");
        run(env, home, "status", "-i", "cn-shanghai:" + image, "--wait");
        String running = run(env, home, "copy", "-i", SLOW_IMAGE, "-r", Seed.DEMO_REGION, "-t", "cn-beijing",
                "--no-wait", "-q").strip();
        run(env, home, "cancel", "-i", "cn-beijing:" + running);
        run(env, home, "--signature-version", "v1", "status", "-r", "cn-shanghai", "-i", image);
        run(env, home, "status", "--image-idd", image);
    }

    /** Runs one command as the launcher would, in this JVM; its stdout. */
    private static String run(Map<String, String> env, Path home, String... args) {
        Context system = Context.system();
        StringWriter out = new StringWriter();
        PrintWriter err = new PrintWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8),
                true);
        EcsImageCommand.run(new Context(env, home, system.clock(), system.sleeper(), new PrintWriter(out, true), err,
                false, system.ids(), system.abortHooks(), null), args);
        return out.toString();
    }
}
