package dev.ecsimage.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal for a test: a tmux server of its own (private socket, no user configuration)
 * with one window of a given size running the packaged launcher, whose screen and scrollback
 * the test reads as a person would see them.
 */
final class Tmux implements AutoCloseable {
    private static final String SESSION = "it";
    private final Path socket;

    private Tmux(Path socket) {
        this.socket = socket;
    }

    /** Whether tmux is installed (.ci/run installs it; a machine without it skips these tests). */
    static boolean installed() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts {@code target/ecs-image ARGS} in a {@code columns} x {@code rows} terminal, with a clean
     * environment and {@code home} as HOME; when it ends, the window shows {@code EXIT=<status>}.
     */
    static Tmux start(Path home, int columns, int rows, String... args) throws Exception {
        Tmux tmux = new Tmux(home.resolve("tmux.sock"));
        List<String> env = new ArrayList<>(List.of("env", "-i", "HOME=" + home, "ECS_IMAGE_LANG=en"));
        for (String keep : List.of("PATH", "LANG", "TMPDIR")) {
            String v = System.getenv(keep);
            if (v != null) {
                env.add(keep + "=" + v);
            }
        }
        env.add("JAVA_HOME=" + System.getProperty("java.home")); // as Launcher: the java target/archives is for
        List<String> command = new ArrayList<>(env);
        command.add(Launcher.SCRIPT.toString());
        command.addAll(Arrays.asList(args));
        String shell = String.join(" ", command.stream().map(Tmux::quote).toList()) + "; echo EXIT=$?; sleep 600";
        tmux.run("new-session", "-d", "-s", SESSION, "-x", Integer.toString(columns), "-y", Integer.toString(rows), shell);
        return tmux;
    }

    /** The lines on the screen now, wrapped lines joined (so a line wider than the window shows as such). */
    List<String> screen() throws Exception {
        return lines(run("capture-pane", "-p", "-J", "-t", SESSION));
    }

    /**
     * The rows of the screen now, as drawn (a wrapped line is two rows). After a resize tmux keeps
     * its "wrapped" mark on rows that reflowed, even once they are written over, so joining them
     * would join unrelated lines.
     */
    List<String> rows() throws Exception {
        return lines(run("capture-pane", "-p", "-t", SESSION));
    }

    /** Everything the window ever showed, scrollback included, wrapped lines joined, blank lines left out. */
    List<String> history() throws Exception {
        return lines(run("capture-pane", "-p", "-J", "-S", "-", "-t", SESSION)).stream().filter(l -> !l.isBlank()).toList();
    }

    /** Waits until the screen shows what {@code wanted} accepts; returns that screen. */
    List<String> await(Predicate<List<String>> wanted, long timeoutMillis, String what) throws Exception {
        return await(this::screen, wanted, timeoutMillis, what);
    }

    /** Waits until the rows of the screen are what {@code wanted} accepts; returns them. */
    List<String> awaitRows(Predicate<List<String>> wanted, long timeoutMillis, String what) throws Exception {
        return await(this::rows, wanted, timeoutMillis, what);
    }

    private interface Capture {
        List<String> take() throws Exception;
    }

    private static List<String> await(Capture capture, Predicate<List<String>> wanted, long timeoutMillis, String what)
            throws Exception {
        long end = System.currentTimeMillis() + timeoutMillis;
        List<String> screen = capture.take();
        while (!wanted.test(screen)) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("the terminal never showed " + what + ":\n" + String.join("\n", screen));
            }
            Thread.sleep(50);
            screen = capture.take();
        }
        return screen;
    }

    /** Waits until the program ended, and returns its exit status. */
    int awaitExit(long timeoutMillis) throws Exception {
        List<String> screen = await(s -> s.stream().anyMatch(l -> l.startsWith("EXIT=")), timeoutMillis, "EXIT=");
        return Integer.parseInt(screen.stream().filter(l -> l.startsWith("EXIT=")).findFirst().orElseThrow().substring(5));
    }

    /** Makes the window this size, as a person dragging its corner would (the program gets SIGWINCH). */
    void resize(int columns, int rows) throws Exception {
        run("resize-window", "-t", SESSION, "-x", Integer.toString(columns), "-y", Integer.toString(rows));
    }

    /** Types keys as tmux names them, e.g. {@code C-c}. */
    void keys(String keys) throws Exception {
        run("send-keys", "-t", SESSION, keys);
    }

    private String run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString(), "-f", "/dev/null"));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /** The lines of a capture; trailing blanks are cleared cells, not text. */
    private static List<String> lines(String text) {
        return text.lines().map(String::stripTrailing).toList();
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() throws Exception {
        try {
            run("kill-server");
        } finally {
            Files.deleteIfExists(socket);
        }
    }
}
