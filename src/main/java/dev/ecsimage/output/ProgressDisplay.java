package dev.ecsimage.output;

import dev.ecsimage.api.EcsException;
import dev.ecsimage.api.Image;
import dev.ecsimage.watch.Target;
import dev.ecsimage.watch.TargetResult;
import dev.ecsimage.watch.WatchListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Live progress on stderr while a wait runs. {@link Bars} redraws one line per image in place,
 * fitted to the terminal, and ends in one summary line (for a terminal); {@link Lines} prints a
 * plain line on each status change and every 10 percent (for CI logs); {@link #NONE} prints
 * nothing. Every line drawn ends with a newline, so an interrupted wait never leaves a half-drawn
 * line.
 */
public abstract class ProgressDisplay implements WatchListener {
    public static final ProgressDisplay NONE = new ProgressDisplay(null, () -> Messages.of(Language.en)) {
        @Override
        void show(Target target, ImageRow row, boolean changed) {}

        @Override
        void message(String line) {}
    };

    final PrintWriter err;
    private final Supplier<Messages> messages;
    final Map<Target, ImageRow> rows = new LinkedHashMap<>();

    ProgressDisplay(PrintWriter err, Supplier<Messages> messages) {
        this.err = err;
        this.messages = messages;
    }

    /** The catalogue in the run's language, asked for at the first line drawn. */
    Messages text() {
        return messages.get();
    }

    /**
     * The display the options ask for: none with --quiet, bars or lines as --progress and the
     * terminal say. {@code auto} takes lines with --verbose too: its log lines, printed as they
     * come, would break bars redrawn in place.
     */
    public static ProgressDisplay choose(Console console) {
        ProgressMode mode = console.quiet() ? ProgressMode.none : console.progress();
        return switch (mode) {
            case none -> NONE;
            case plain -> new Lines(console.err(), console::text);
            case bar -> bars(console);
            case auto -> console.stderrIsTerminal() && !console.verbose() ? bars(console)
                    : new Lines(console.err(), console::text);
        };
    }

    private static Bars bars(Console console) {
        return new Bars(console.err(), console::text, colors(console), TerminalSize.source(console.env()));
    }

    private static boolean colors(Console console) {
        String noColor = console.env().get("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && !"dumb".equals(console.env().get("TERM"));
    }

    /** The images to show, before the first poll. */
    public synchronized void start(List<Target> targets, String initialStatus) {
        for (Target t : targets) {
            rows.put(t, ImageRow.bare(t.region(), t.imageId(), initialStatus));
        }
    }

    @Override
    public synchronized void seen(Target target, Image image) {
        ImageRow before = rows.get(target);
        ImageRow now = ImageRow.of(image);
        rows.put(target, now);
        show(target, now, before == null || !Objects.equals(before.status(), now.status()));
    }

    @Override
    public synchronized void finished(TargetResult result) {
        if (result.lastSeen() == null) {
            ImageRow before = rows.get(result.target());
            String status = switch (result.outcome()) {
                case GONE -> "Gone";
                case NOT_FOUND -> "NotFound";
                default -> before == null ? "-" : before.status();
            };
            ImageRow now = ImageRow.bare(result.target().region(), result.target().imageId(), status);
            rows.put(result.target(), now);
            show(result.target(), now, true);
        }
    }

    @Override
    public synchronized void transientError(String region, EcsException error, Duration retryIn) {
        message(text().get("progress.retry", region, error.describe(), DurationText.format(retryIn)));
    }

    /** A line about the run (a retry), shown without breaking the display. */
    public synchronized void note(String line) {
        message(line);
    }

    /** Ends the display; safe to call twice and from the abort hook. */
    public synchronized void close() {
        if (err != null) {
            err.flush();
        }
    }

    abstract void show(Target target, ImageRow row, boolean statusChanged);

    /** A line that is not progress (a transient error), shown without breaking the display. */
    abstract void message(String line);

    /**
     * Plain lines for logs: on each status change, and each time progress passes a multiple of 10.
     * The region column is as wide as the widest region of the wait (in columns: with its Chinese
     * name in Chinese), so the ids line up.
     */
    static final class Lines extends ProgressDisplay {
        private final Map<Target, Integer> lastDecile = new LinkedHashMap<>();

        Lines(PrintWriter err, Supplier<Messages> messages) {
            super(err, messages);
        }

        @Override
        void show(Target target, ImageRow row, boolean statusChanged) {
            int decile = row.progress() == null ? -1 : row.progress() / 10;
            Integer before = lastDecile.put(target, decile);
            if (statusChanged || before == null || decile > before) {
                Messages text = text();
                int regionWidth = rows.keySet().stream().mapToInt(t -> TextWidth.of(text.region(t.region()))).max()
                        .orElse(0);
                String eta = row.etaText(text);
                err.println(row.line(regionWidth, text) + (eta == null ? "" : "  " + eta));
                err.flush();
            }
        }

        @Override
        void message(String line) {
            err.println(line);
            err.flush();
        }
    }

    /**
     * Bars redrawn in place with ANSI cursor movement, one line per image, fitted to the terminal
     * ({@link BarLayout}); its size is measured on the first drawing and again after each SIGWINCH.
     * When the wait ends the bars give way to one summary line, since stdout gets the results.
     */
    static final class Bars extends ProgressDisplay {
        private final boolean colors;
        private final TerminalSize.Source screen;
        private TerminalSize size;
        private ResizeSignal resize;
        private boolean copies;
        /** The widths of the lines now on the screen, to know how many rows they take after a resize. */
        private final List<Integer> drawn = new ArrayList<>();
        private boolean closed;

        Bars(PrintWriter err, Supplier<Messages> messages, boolean colors, TerminalSize.Source screen) {
            super(err, messages);
            this.colors = colors;
            this.screen = screen;
        }

        /** Copies ecs-image made or cancels are "copies"; ids typed for status are "images". */
        @Override
        public synchronized void start(List<Target> targets, String initialStatus) {
            super.start(targets, initialStatus);
            if (!targets.isEmpty() && targets.stream().allMatch(Target::known)) {
                copies = true;
            }
            if (screen.followsResizes() && resize == null) {
                resize = ResizeSignal.install(this::resized);
            }
            redraw();
        }

        private synchronized void resized() {
            size = null;
            redraw();
        }

        @Override
        void show(Target target, ImageRow row, boolean statusChanged) {
            redraw();
        }

        @Override
        void message(String line) {
            draw(List.of(line));
            drawn.clear();
            redraw();
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                if (resize != null) {
                    resize.close();
                }
                draw(rows.isEmpty() ? List.of()
                        : List.of(BarLayout.summary(rows.values(), copies, size().columns(), text())));
                drawn.clear();
            }
            super.close();
        }

        private TerminalSize size() {
            if (size == null) {
                size = screen.size().get();
            }
            return size;
        }

        private void redraw() {
            if (!closed) {
                draw(BarLayout.lines(List.copyOf(rows.values()), size(), colors, text()));
            }
        }

        /**
         * Replaces the lines drawn last with {@code lines}: up to the first of them (counting the rows
         * each takes at today's width, in case a resize wrapped them), each new line written over an
         * old one and cleared to its end, then whatever is left below cleared. Overwriting instead of
         * clearing first does not flicker, and never clears the whole screen from its top-left corner,
         * which tmux would save into its history as a stale copy.
         */
        private void draw(List<String> lines) {
            int columns = size().columns();
            int up = 0;
            for (int width : drawn) {
                up += Math.max(1, (width + columns - 1) / columns);
            }
            if (up > 0) {
                err.print("\r\033[" + up + "A");
            }
            drawn.clear();
            for (String line : lines) {
                err.print(line + "\033[K\n");
                drawn.add(TextWidth.of(line));
            }
            if (lines.size() < up) {
                err.print("\033[J");
            }
            err.flush();
        }
    }
}
