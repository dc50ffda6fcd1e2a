package dev.ecsimage.output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the progress bars fit the terminal: no line wider than its columns (a wider line wraps, and
 * the redraw, which moves up one row per line, would leave its tail behind), and no more lines
 * than its rows minus one (the cursor cannot move up into rows that scrolled away). Widths are
 * counted in columns ({@link TextWidth}), so Chinese words line up.
 *
 * <p>A line is {@code REGION  IMAGE_ID  STATUS [#####-----]  50%  ETA 1m}; in Chinese the region
 * has its name after it and the status its meaning ({@code cn-hangzhou 华东1（杭州）  m-...
 * Creating（创建中） [##--]  50%  剩余 1m}). When it does not fit, the bar is shortened first (24
 * columns at most, 5 at least); the Chinese region names stay only while a bar fits with them;
 * then the bar is left out, then the image id is cut (to 8 columns at least), then the ETA is left
 * out, and a line that still does not fit is cut. The room for an ETA is kept while any image is
 * in progress, so the bars do not change length each time an ETA appears or goes.
 * With more images than rows, the images still in progress are shown first and one line counts
 * the others: {@code +9 more: 6 Creating, 3 Waiting}.
 */
final class BarLayout {
    static final int FULL_BAR = 24;
    static final int MIN_BAR = 5;
    static final int MIN_ID = 8;
    static final int STATUS = 12;
    /** The ETA the room kept for one is measured by: {@code "  ETA 1m30s"} while an image is in progress. */
    static final String ETA_SAMPLE = "1m30s";
    /** The statuses most rows show: the status column is at least as wide as these, so it does not jump between them. */
    private static final List<String> COMMON = List.of("Waiting", "Creating", "Available");
    private static final Set<String> FINAL = Set.of("Available", "CreateFailed", "UnAvailable", "Deprecated",
            "Gone", "NotFound", "Error");

    private BarLayout() {}

    /** The lines to draw for {@code rows} (in order) on a terminal of {@code size}; never empty for rows. */
    static List<String> lines(List<ImageRow> rows, TerminalSize size, boolean colors, Messages text) {
        Columns columns = Columns.fit(rows, size.columns(), text);
        int room = Math.max(1, size.rows() - 1);
        Set<Integer> shown = mostActive(rows, rows.size() <= room ? rows.size() : room - 1);
        List<String> lines = new ArrayList<>();
        List<ImageRow> hidden = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (shown.contains(i)) {
                lines.add(columns.line(rows.get(i), colors));
            } else {
                hidden.add(rows.get(i));
            }
        }
        if (!hidden.isEmpty()) {
            lines.add(TextWidth.cut(text.get("progress.more", hidden.size(), counts(hidden, text)), size.columns()));
        }
        return lines;
    }

    /**
     * The line that replaces the bars when they end: {@code 3 copies: 2 Available, 1 CreateFailed}.
     *
     * @param copies whether the rows are copies ecs-image made or cancels (else images asked about)
     */
    static String summary(Collection<ImageRow> rows, boolean copies, int width, Messages text) {
        String key = copies ? "progress.summary.copies" : "progress.summary.images";
        return TextWidth.cut(text.count(key, rows.size(), counts(rows, text)), width);
    }

    /** {@code 6 Creating, 3 Waiting}: how many rows have each status, most first (ties in order of appearance). */
    static String counts(Collection<ImageRow> rows, Messages text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return text.list(counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> text.get("progress.count", e.getValue(), text.status(e.getKey()))).toList());
    }

    /** The indexes of {@code count} rows: those not yet final first, then the first final ones. */
    private static Set<Integer> mostActive(List<ImageRow> rows, int count) {
        Set<Integer> chosen = new HashSet<>();
        for (boolean wantFinal : new boolean[] {false, true}) {
            for (int i = 0; i < rows.size() && chosen.size() < count; i++) {
                if (FINAL.contains(rows.get(i).status()) == wantFinal) {
                    chosen.add(i);
                }
            }
        }
        return chosen;
    }

    /**
     * The widths of the fields, the same for every line of one drawing.
     *
     * @param names whether the region column has the Chinese names
     */
    record Columns(boolean names, int region, int id, int status, int bar, boolean eta, int width, Messages text) {
        /**
         * The names are kept when they leave room for a bar even with the room an ETA takes, so that
         * they do not appear on the last drawing only, when every image is final and the ETAs go.
         */
        static Columns fit(List<ImageRow> rows, int width, Messages text) {
            if (text.chinese() && fit(rows, width, text, true, true).bar > 0) {
                return fit(rows, width, text, true, false);
            }
            return fit(rows, width, text, false, false);
        }

        private static Columns fit(List<ImageRow> rows, int width, Messages text, boolean names, boolean etaRoom) {
            int region = rows.stream().mapToInt(r -> TextWidth.of(regionText(r, names, text))).max().orElse(0);
            int id = Math.max(1, rows.stream().mapToInt(r -> TextWidth.of(idText(r))).max().orElse(1));
            int common = COMMON.stream().mapToInt(s -> TextWidth.of(text.status(s))).max().orElse(0);
            int status = Math.max(Math.max(STATUS, common),
                    rows.stream().mapToInt(r -> TextWidth.of(text.status(r.status()))).max().orElse(0));
            int eta = rows.stream().mapToInt(r -> r.etaText(text) == null ? 0 : 2 + TextWidth.of(r.etaText(text)))
                    .max().orElse(0);
            if (etaRoom || rows.stream().anyMatch(r -> !FINAL.contains(r.status()))) {
                eta = Math.max(eta, 2 + TextWidth.of(text.get("progress.eta", ETA_SAMPLE)));
            }
            int fixed = region + 2 + 2 + status + 1 + 4;
            int room = width - fixed - id - eta;
            if (room >= MIN_BAR + 3) {
                return new Columns(names, region, id, status, Math.min(FULL_BAR, room - 3), true, width, text);
            }
            int over = fixed + id + eta - width;
            int cutId = over > 0 ? Math.min(id, Math.max(MIN_ID, id - over)) : id;
            return new Columns(names, region, cutId, status, 0, fixed + cutId + eta <= width, width, text);
        }

        String line(ImageRow row, boolean colors) {
            String prefix = TextWidth.pad(regionText(row, names, text), region) + "  "
                    + TextWidth.pad(TextWidth.cut(idText(row), id), id) + "  ";
            String status = TextWidth.pad(text.status(row.status()), this.status);
            int pct = row.progress() == null ? 0 : Math.max(0, Math.min(100, row.progress()));
            String etaText = row.etaText(text);
            String suffix = " " + (bar == 0 ? "" : bar(pct)) + String.format("%3d%%", pct)
                    + (eta && etaText != null ? "  " + etaText : "");
            String plain = prefix + status + suffix;
            if (TextWidth.of(plain) > width) {
                return TextWidth.cut(plain, width);
            }
            return colors ? prefix + color(row.status(), status) + suffix : plain;
        }

        private String bar(int pct) {
            int filled = pct * bar / 100;
            return "[" + "#".repeat(filled) + "-".repeat(bar - filled) + "] ";
        }
    }

    private static String regionText(ImageRow row, boolean names, Messages text) {
        return names ? text.region(row.region()) : row.region();
    }

    private static String idText(ImageRow row) {
        return row.imageId() == null ? "-" : row.imageId();
    }

    private static String color(String status, String text) {
        String code = switch (status) {
            case "Available" -> "32";
            case "CreateFailed", "UnAvailable", "Gone", "NotFound", "Error" -> "31";
            default -> "33";
        };
        return "\033[" + code + "m" + text + "\033[0m";
    }
}
