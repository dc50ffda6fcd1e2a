package dev.ecsimage.cli;

import dev.ecsimage.transport.RandomIds;
import dev.ecsimage.transport.Sleeper;
import dev.ecsimage.transport.Transport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a run of ecs-image takes from its process: environment, home folder, clock, sleeper,
 * standard streams, whether stderr is a terminal, and how to make ids. Tests build one with
 * fakes; {@link #system()} is the real process.
 *
 * @param stderrIsTerminal told by the launcher ({@code -Decs-image.stderr.tty=true}): Java cannot see it
 * @param abortHooks       registers what to do on Ctrl-C / SIGTERM; tests pass their own
 * @param transport        where API calls go instead of the network (tests), or null for HTTP
 */
public record Context(Map<String, String> env, Path home, Clock clock, Sleeper sleeper,
                      PrintWriter out, PrintWriter err, boolean stderrIsTerminal,
                      Supplier<String> ids, AbortHooks abortHooks, Transport transport) {

    /** {@code ~}: $HOME as shells and the aliyun CLI take it, else the JVM's user.home. */
    static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    /** The process's stdout, in UTF-8, flushed at each line. */
    public static PrintWriter stdout() {
        return new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    }

    public static Context system() {
        return new Context(System.getenv(), home(System.getenv()), Clock.systemUTC(),
                Sleeper.SYSTEM,
                stdout(),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                Boolean.getBoolean("ecs-image.stderr.tty"),
                RandomIds::uuid,
                AbortHooks.JVM, null);
    }
}
