package dev.ecsimage.output;

import dev.ecsimage.api.EcsException;
import dev.ecsimage.api.Image;
import dev.ecsimage.watch.Target;
import dev.ecsimage.watch.TargetResult;
import dev.ecsimage.watch.WatchListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Live progress on stderr while a wait runs. {@link Bars} redraws one line per image in place
 * (for a terminal); {@link Lines} prints a plain line on each status change and every 10 percent
 * (for CI logs); {@link #NONE} prints nothing. Every line drawn ends with a newline, so an
 * interrupted wait never leaves a half-drawn line.
 */
public abstract class ProgressDisplay implements WatchListener {
    public static final ProgressDisplay NONE = new ProgressDisplay(null) {
        @Override
        void show(Target target, ImageRow row, boolean changed) {}

        @Override
        void message(String line) {}
    };

    final PrintWriter err;
    final Map<Target, ImageRow> rows = new LinkedHashMap<>();
    int regionWidth;

    ProgressDisplay(PrintWriter err) {
        this.err = err;
    }

    /** The display the options ask for: none with --quiet, bars or lines as --progress and the terminal say. */
    public static ProgressDisplay choose(Console console) {
        ProgressMode mode = console.quiet() ? ProgressMode.none : console.progress();
        return switch (mode) {
            case none -> NONE;
            case plain -> new Lines(console.err());
            case bar -> new Bars(console.err(), colors(console));
            case auto -> console.stderrIsTerminal() ? new Bars(console.err(), colors(console)) : new Lines(console.err());
        };
    }

    private static boolean colors(Console console) {
        String noColor = console.env().get("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && !"dumb".equals(console.env().get("TERM"));
    }

    /** The images to show, before the first poll. */
    public synchronized void start(List<Target> targets, String initialStatus) {
        for (Target t : targets) {
            regionWidth = Math.max(regionWidth, t.region().length());
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
        message("ecs-image: " + region + ": " + error.describe() + "; polling again in "
                + DurationText.format(retryIn));
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

    /** Plain lines for logs: on each status change, and each time progress passes a multiple of 10. */
    static final class Lines extends ProgressDisplay {
        private final Map<Target, Integer> lastDecile = new LinkedHashMap<>();

        Lines(PrintWriter err) {
            super(err);
        }

        @Override
        void show(Target target, ImageRow row, boolean statusChanged) {
            int decile = row.progress() == null ? -1 : row.progress() / 10;
            Integer before = lastDecile.put(target, decile);
            if (statusChanged || before == null || decile > before) {
                String eta = row.etaText();
                err.println(row.text(regionWidth) + (eta == null ? "" : "  " + eta));
                err.flush();
            }
        }

        @Override
        void message(String line) {
            err.println(line);
            err.flush();
        }
    }

    /** Bars redrawn in place with ANSI cursor movement: one line per image. */
    static final class Bars extends ProgressDisplay {
        private static final int WIDTH = 24;
        private final boolean colors;
        private int drawn;

        Bars(PrintWriter err, boolean colors) {
            super(err);
            this.colors = colors;
        }

        @Override
        public synchronized void start(List<Target> targets, String initialStatus) {
            super.start(targets, initialStatus);
            redraw();
        }

        @Override
        void show(Target target, ImageRow row, boolean statusChanged) {
            redraw();
        }

        @Override
        void message(String line) {
            erase();
            err.println(line);
            redraw();
        }

        private void erase() {
            if (drawn > 0) {
                err.print("\033[" + drawn + "A\033[J");
                drawn = 0;
            }
        }

        private void redraw() {
            erase();
            for (ImageRow row : rows.values()) {
                err.println(bar(row));
            }
            drawn = rows.size();
            err.flush();
        }

        String bar(ImageRow row) {
            int pct = row.progress() == null ? 0 : Math.max(0, Math.min(100, row.progress()));
            int filled = pct * WIDTH / 100;
            String status = ImageRow.pad(row.status(), 12);
            if (colors) {
                String color = switch (row.status()) {
                    case "Available" -> "32";
                    case "CreateFailed", "UnAvailable", "Gone", "NotFound" -> "31";
                    default -> "33";
                };
                status = "\033[" + color + "m" + status + "\033[0m";
            }
            String eta = row.etaText();
            return ImageRow.pad(row.region(), regionWidth) + "  " + (row.imageId() == null ? "-" : row.imageId())
                    + "  " + status + " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
                    + String.format("%3d%%", pct) + (eta == null ? "" : "  " + eta);
        }
    }
}
