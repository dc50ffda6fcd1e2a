package dev.ecsimage.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsimage.copyset.CopyRow;
import java.io.PrintWriter;
import java.util.List;

/**
 * Writes a command's result on stdout: aligned text lines, only the ids with --quiet, or one JSON
 * document with -o json. Nothing else ever goes to stdout.
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

    public void copies(String sourceRegion, String sourceImageId, List<CopyRow> copies) {
        if (json()) {
            ObjectNode doc = JSON.objectNode();
            doc.put("sourceImageId", sourceImageId);
            doc.put("sourceRegion", sourceRegion);
            ArrayNode list = doc.putArray("copies");
            for (CopyRow c : copies) {
                ImageRow row = ImageRow.of(c);
                ObjectNode o = list.addObject();
                o.put("region", c.region());
                o.put("imageId", c.imageId());
                o.put("status", row.status());
                if (row.progress() == null) {
                    o.putNull("progress");
                } else {
                    o.put("progress", row.progress());
                }
                o.put("requestId", c.requestId());
                o.put("clientToken", c.clientToken());
                o.put("reused", c.reused());
                if (c.failure() == null) {
                    o.putNull("error");
                } else {
                    o.set("error", ErrorReport.json(c.failure()));
                }
            }
            print(doc);
        } else {
            rows(copies.stream().map(ImageRow::of).toList());
        }
    }

    public void images(List<ImageRow> images) {
        if (json()) {
            ObjectNode doc = JSON.objectNode();
            ArrayNode list = doc.putArray("images");
            for (ImageRow r : images) {
                ObjectNode o = list.addObject();
                o.put("region", r.region());
                o.put("imageId", r.imageId());
                o.put("name", r.name());
                o.put("status", r.status());
                if (r.progress() == null) {
                    o.putNull("progress");
                } else {
                    o.put("progress", r.progress());
                }
                if (r.remainingSeconds() == null) {
                    o.putNull("remainingSeconds");
                } else {
                    o.put("remainingSeconds", r.remainingSeconds());
                }
            }
            print(doc);
        } else if (console.quiet()) {
            images.forEach(r -> out.println(r.imageId()));
        } else {
            int width = images.stream().mapToInt(r -> TextWidth.of(r.region())).max().orElse(0);
            for (ImageRow r : images) {
                String eta = r.etaText();
                out.println(r.text(width) + (eta == null ? "" : "  " + eta));
            }
        }
    }

    public void cancelled(String region, String imageId, String requestId) {
        if (json()) {
            ObjectNode doc = JSON.objectNode();
            doc.put("region", region);
            doc.put("imageId", imageId);
            doc.put("cancelled", true);
            doc.put("requestId", requestId);
            print(doc);
        } else if (console.quiet()) {
            out.println(imageId);
        } else {
            out.println(region + "  " + imageId + "  Cancelled");
        }
    }

    private void rows(List<ImageRow> rows) {
        if (console.quiet()) {
            rows.stream().filter(r -> r.imageId() != null).forEach(r -> out.println(r.imageId()));
            return;
        }
        int width = rows.stream().mapToInt(r -> TextWidth.of(r.region())).max().orElse(0);
        rows.forEach(r -> out.println(r.text(width)));
    }

    private void print(ObjectNode doc) {
        out.println(Json.pretty(doc));
    }
}
