package dev.ecsimage.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsimage.copyset.CopySet;
import dev.ecsimage.copyset.CopySetJson;
import java.io.PrintWriter;
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

    /** A copy set: the copy set document, or one row per destination. */
    public void copies(CopySet set) {
        if (json()) {
            print(CopySetJson.write(set));
        } else {
            rows(set.copies().stream().map(ImageRow::of).toList());
        }
    }

    /** {@code status}: {@code {"images": [...]}}, or one row per image with its remaining time. */
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
                o.set("error", s.error() == null ? JSON.nullNode() : CopySetJson.error(s.error()));
            }
            print(doc);
        } else {
            rows(images.stream().map(StatusRow::image).toList());
        }
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

    private void rows(List<ImageRow> rows) {
        if (console.quiet()) {
            rows.forEach(r -> out.println(r.imageId() == null ? "" : r.imageId()));
            return;
        }
        int width = rows.stream().mapToInt(r -> TextWidth.of(r.region())).max().orElse(0);
        for (ImageRow r : rows) {
            String etaText = r.etaText();
            out.println(r.text(width) + (etaText == null ? "" : "  " + etaText));
        }
    }

    private void print(ObjectNode doc) {
        out.println(Json.pretty(doc));
        out.flush();
    }
}
