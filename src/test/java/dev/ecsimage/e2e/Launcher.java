package dev.ecsimage.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged launcher {@code target/ecs-image} as a real process, with a clean
 * environment (no credentials or proxies leak in from the machine) and a temporary home. It speaks
 * English ({@code ECS_IMAGE_LANG=en}) whatever the machine's locale, unless a test says otherwise.
 */
final class Launcher {
    static final Path SCRIPT = Path.of("target", "ecs-image").toAbsolutePath();

    record Result(int status, String out, String err) {}

    /** A started process whose output is being collected. */
    record Running(Process process, CompletableFuture<String> out, StderrTail err) {
        Result await() throws Exception {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("ecs-image did not end within 120 s; stderr so far:\n" + err.text());
            }
            return new Result(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.await());
        }

        /** Sends a signal by name (INT, TERM) to the JVM behind the launcher (it execs java). */
        void signal(String name) throws Exception {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -" + name + " failed");
            }
        }
    }

    /** Collects stderr and lets a test wait until a given text has appeared. */
    static final class StderrTail {
        private final StringBuilder text = new StringBuilder();
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        StderrTail(InputStream in) {
            Thread reader = new Thread(() -> {
                try (in) {
                    byte[] buf = new byte[4096];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        synchronized (this) {
                            text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                            notifyAll();
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                } finally {
                    done.complete(null);
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        synchronized String text() {
            return text.toString();
        }

        synchronized void awaitContains(String expected, long timeoutMillis) throws InterruptedException {
            long end = System.currentTimeMillis() + timeoutMillis;
            while (!text.toString().contains(expected)) {
                long left = end - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("stderr never showed '" + expected + "':\n" + text);
                }
                wait(left);
            }
        }

        /** Waits until the whole text so far matches {@code pattern} (use {@code (?s)} to span lines). */
        synchronized void awaitMatches(java.util.regex.Pattern pattern, long timeoutMillis) throws InterruptedException {
            long end = System.currentTimeMillis() + timeoutMillis;
            while (!pattern.matcher(text).matches()) {
                long left = end - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("stderr never matched '" + pattern + "':\n" + text);
                }
                wait(left);
            }
        }

        String await() throws Exception {
            done.get(10, TimeUnit.SECONDS);
            return text();
        }
    }

    private final Map<String, String> env = new HashMap<>();

    Launcher(Path home) {
        for (String keep : List.of("PATH", "LANG", "TMPDIR")) {
            String v = System.getenv(keep);
            if (v != null) {
                env.put(keep, v);
            }
        }
        env.put("HOME", home.toString());
        env.put("ECS_IMAGE_LANG", "en");
        // the java that runs the tests: the one mvn package made target/archives for, so that no run
        // starts making an archive for another java in the background while the tests measure time
        env.put("JAVA_HOME", System.getProperty("java.home"));
    }

    /** Sets the variable, or unsets it when {@code value} is null. */
    Launcher env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    Result run(String... args) throws Exception {
        return start(args).await();
    }

    /** Runs with stdin read from {@code input}. */
    Result runWithInput(Path input, String... args) throws Exception {
        return start(ProcessBuilder.Redirect.from(input.toFile()), args).await();
    }

    /**
     * Runs a command line as a user would paste it into a shell: {@code sh -c LINE}, where
     * {@code ecs-image} is the launcher (a link in {@code bin}, first on the PATH).
     */
    Result shell(Path bin, String line) throws Exception {
        Path link = bin.resolve("ecs-image");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(bin);
            Files.createSymbolicLink(link, SCRIPT);
        }
        Map<String, String> shellEnv = new HashMap<>(env);
        shellEnv.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        return start(List.of("sh", "-c", line), shellEnv, ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .await();
    }

    /**
     * Starts the launcher. A shell that starts jobs in the background sets SIGINT to "ignored", and
     * the JVM then cannot see Ctrl-C; perl restores the default dispositions before exec'ing, as a
     * terminal would have them.
     */
    Running start(String... args) throws IOException {
        return start(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")), args);
    }

    private Running start(ProcessBuilder.Redirect input, String... args) throws IOException {
        if (!Files.isExecutable(SCRIPT)) {
            throw new AssertionError(SCRIPT + " is missing: run 'mvn package' first (the e2e tests run in 'verify')");
        }
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        return start(command, env, input);
    }

    private static Running start(List<String> command, Map<String, String> env, ProcessBuilder.Redirect input)
            throws IOException {
        List<String> withDefaults = new ArrayList<>(List.of("perl", "-e",
                "$SIG{INT} = $SIG{TERM} = 'DEFAULT'; exec @ARGV or die \"exec: $!\""));
        withDefaults.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(withDefaults);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectInput(input);
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = p.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return new Running(p, out, new StderrTail(p.getErrorStream()));
    }
}
