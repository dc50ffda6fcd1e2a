package dev.ecsimage.output;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The size of the terminal stderr draws on, in columns and rows.
 *
 * <p>Java cannot ask the terminal (no ioctl), so {@link #measure} runs {@code stty size} on
 * {@code /dev/tty}: about 50 ms the first time in a JVM and 15 ms after that on the development
 * machine, too much for every redraw, so the bars measure once and again after each SIGWINCH
 * ({@link ResizeSignal}). {@code COLUMNS} and {@code LINES}, when set, win over the terminal as
 * POSIX has it; without a terminal the size is 80x24.
 */
public record TerminalSize(int columns, int rows) {
    public static final TerminalSize DEFAULT = new TerminalSize(80, 24);

    /** Where a display learns the size, and whether it changes (then a resize signal says so). */
    public record Source(Supplier<TerminalSize> size, boolean followsResizes) {
        /** A size that never changes. */
        public static Source fixed(TerminalSize size) {
            return new Source(() -> size, false);
        }
    }

    /** COLUMNS and LINES from {@code env} where set, the rest from the terminal. */
    public static Source source(Map<String, String> env) {
        int columns = positive(env.get("COLUMNS"));
        int rows = positive(env.get("LINES"));
        if (columns > 0 && rows > 0) {
            return Source.fixed(new TerminalSize(columns, rows));
        }
        return new Source(() -> {
            TerminalSize tty = measure();
            return new TerminalSize(columns > 0 ? columns : tty.columns, rows > 0 ? rows : tty.rows);
        }, true);
    }

    /** The controlling terminal's size by {@code stty size}, or {@link #DEFAULT} when there is none. */
    static TerminalSize measure() {
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            stty.waitFor();
            return parseStty(answer);
        } catch (IOException e) {
            return DEFAULT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT;
        }
    }

    /** {@code "24 80"} (rows, then columns) as a size; {@link #DEFAULT} for anything else. */
    static TerminalSize parseStty(String answer) {
        String[] parts = answer.trim().split("\\s+");
        if (parts.length == 2) {
            int rows = positive(parts[0]);
            int columns = positive(parts[1]);
            if (rows > 0 && columns > 0) {
                return new TerminalSize(columns, rows);
            }
        }
        return DEFAULT;
    }

    private static int positive(String number) {
        if (number == null || !number.trim().matches("\\d{1,5}")) {
            return 0;
        }
        return Integer.parseInt(number.trim());
    }
}
