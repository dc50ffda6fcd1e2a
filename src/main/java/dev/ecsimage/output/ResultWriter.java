package dev.ecsimage.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsimage.copyset.Copy;
import dev.ecsimage.copyset.CopySet;
import dev.ecsimage.copyset.CopySetJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a command's result on stdout: aligned text lines, only the ids with --quiet, or one JSON
 * document with -o json. Nothing else ever goes to stdout. With --quiet every row is one line,
 * empty where a row has no image id, so line N always belongs to the Nth destination or item.
 */
public final class ResultWriter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Console console;
    private final PrintWriter out;

    public ResultWriter(Console console) {
        this.console = console;
        this.out = console.out();
    }

    private boolean json() {
        return console.json();
    }

    /** A copy set: the copy set document, or one row per destination (with whom it was shared, when asked). */
    public void copies(CopySet set) {
        if (json()) {
            print(CopySetJson.write(set));
        } else {
            rows(set.copies().stream().map(ImageRow::of).toList(), set.copies().stream().map(this::shares).toList());
        }
    }

    /**
     * What a copy's row says about sharing, in the user's language: nothing when no sharing was
     * asked for (or no copy was made); {@code shared with A, B}; {@code not shared}; and for a copy
     * that is Available but whose sharing failed, the error's code: {@code not shared: CODE}, or
     * {@code shared with A (the rest: CODE)} when it failed half-way.
     */
    private String shares(Copy c) {
        if (c.sharedWith() == null || c.imageId() == null) {
            return null;
        }
        Messages text = console.text();
        String failed = c.available() && c.error() != null ? c.error().code() : null;
        if (c.sharedWith().isEmpty()) {
            return failed == null ? text.get("row.not-shared") : text.get("row.not-shared.failed", failed);
        }
        return failed == null ? sharedWith(c.sharedWith())
                : text.get("row.shared-with.failed", text.list(c.sharedWith()), failed);
    }

    private String sharedWith(List<String> accounts) {
        Messages text = console.text();
        return accounts.isEmpty() ? text.get("row.not-shared") : text.get("row.shared-with", text.list(accounts));
    }

    /**
     * {@code status}: {@code {"images": [...]}}, or one row per image with its remaining time,
     * where it came from ({@code from cn-hangzhou/m-bp1xxxx}) and whom it is shared with, when known
     * (these words in the user's language; the status is the API's word in every language).
     */
    public void images(List<StatusRow> images) {
        if (json()) {
            ObjectNode doc = JSON.objectNode();
            ArrayNode list = doc.putArray("images");
            for (StatusRow s : images) {
                ImageRow r = s.image();
                ObjectNode o = list.addObject();
                o.put("region", r.region());
                o.put("imageId", r.imageId());
                o.put("name", r.name());
                o.put("status", r.status());
                o.put("progress", r.progress());
                o.put("remainingSeconds", r.remainingSeconds());
                o.put("source", s.source());
                o.set("sharedWith", CopySetJson.accounts(s.sharedWith()));
                o.set("error", s.error() == null ? JSON.nullNode() : CopySetJson.error(s.error()));
            }
            print(doc);
        } else {
            rows(images.stream().map(StatusRow::image).toList(), images.stream().map(this::details).toList());
        }
    }

    private String details(StatusRow row) {
        List<String> parts = new ArrayList<>();
        if (row.source() != null) {
            parts.add(console.text().get("row.from", row.source()));
        }
        if (row.sharedWith() != null) {
            parts.add(sharedWith(row.sharedWith()));
        }
        return parts.isEmpty() ? null : String.join("  ", parts);
    }

    /**
     * {@code cancel}: with one item as given, the object {@code {"region", "imageId", "cancelled",
     * "requestId", "error"}}; for a list (several items, or --from), {@code {"cancels": [...]}}.
     */
    public void cancels(List<CancelRow> rows, boolean list) {
        if (json()) {
            if (list) {
                ObjectNode doc = JSON.objectNode();
                ArrayNode items = doc.putArray("cancels");
                rows.forEach(r -> items.add(cancel(r)));
                print(doc);
            } else {
                print(cancel(rows.get(0)));
            }
        } else if (console.quiet()) {
            rows.forEach(r -> out.println(r.accepted() ? r.imageId() : ""));
        } else {
            int width = rows.stream().mapToInt(r -> TextWidth.of(r.region())).max().orElse(0);
            rows.forEach(r -> out.println(TextWidth.pad(r.region(), width) + "  " + r.imageId() + "  " + r.status()));
        }
    }

    private static ObjectNode cancel(CancelRow r) {
        ObjectNode o = JSON.objectNode();
        o.put("region", r.region());
        o.put("imageId", r.imageId());
        o.put("cancelled", r.accepted());
        o.put("requestId", r.requestId());
        o.set("error", r.error() == null ? JSON.nullNode() : CopySetJson.error(r.error()));
        return o;
    }

    /** @param details per row, what follows its remaining time; null for nothing */
    private void rows(List<ImageRow> rows, List<String> details) {
        if (console.quiet()) {
            rows.forEach(r -> out.println(r.imageId() == null ? "" : r.imageId()));
            return;
        }
        int width = rows.stream().mapToInt(r -> TextWidth.of(r.region())).max().orElse(0);
        for (int i = 0; i < rows.size(); i++) {
            ImageRow r = rows.get(i);
            String etaText = r.etaText(console.text());
            String more = details.get(i);
            out.println(r.text(width) + (etaText == null ? "" : "  " + etaText) + (more == null ? "" : "  " + more));
        }
    }

    private void print(ObjectNode doc) {
        out.println(Json.pretty(doc));
        out.flush();
    }
}
