package dev.ecsimage.copyset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsimage.output.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON document of a copy set, as {@code copy -o json} prints it and {@code --from} reads it:
 *
 * <pre>
 * {"sourceImageId": "m-bp1...", "sourceRegion": "cn-hangzhou",
 *  "copies": [{"region", "imageId", "status", "progress", "requestId", "clientToken", "reused", "sharedWith",
 *              "error"}]}
 * </pre>
 *
 * where {@code sharedWith} is null (no sharing asked for) or the account ids the copy has been
 * shared with, and {@code error} is null or {@code {"code", "message", "requestId", "httpStatus",
 * "exitStatus"}}.
 * Reading ignores fields it does not know, so documents of later versions (which add fields per
 * copy) still read.
 */
public final class CopySetJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * The text is not a copy set document. Why, for the user, is a sentence of the message
     * catalogue ({@code copyset.*}) and its arguments, which the command line says in the user's
     * language; the exception's own message is that key.
     */
    public static final class NotACopySet extends Exception {
        private final String key;
        private final transient Object[] args;

        NotACopySet(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    private CopySetJson() {}

    public static ObjectNode write(CopySet set) {
        ObjectNode doc = JSON.objectNode();
        doc.put("sourceImageId", set.sourceImageId());
        doc.put("sourceRegion", set.sourceRegion());
        ArrayNode list = doc.putArray("copies");
        for (Copy c : set.copies()) {
            ObjectNode o = list.addObject();
            o.put("region", c.region());
            o.put("imageId", c.imageId());
            o.put("status", c.status());
            o.put("progress", c.progress());
            o.put("requestId", c.requestId());
            o.put("clientToken", c.clientToken());
            o.put("reused", c.reused());
            o.set("sharedWith", accounts(c.sharedWith()));
            if (c.error() == null) {
                o.putNull("error");
            } else {
                o.set("error", error(c.error()));
            }
        }
        return doc;
    }

    /** A list of account ids, or null. */
    public static JsonNode accounts(List<String> ids) {
        if (ids == null) {
            return JSON.nullNode();
        }
        ArrayNode list = JSON.arrayNode();
        ids.forEach(list::add);
        return list;
    }

    public static ObjectNode error(CopyError e) {
        ObjectNode o = JSON.objectNode();
        o.put("code", e.code());
        o.put("message", e.message());
        o.put("requestId", e.requestId());
        o.put("httpStatus", e.httpStatus());
        o.put("exitStatus", e.exitStatus());
        return o;
    }

    public static CopySet read(String text) throws NotACopySet {
        JsonNode doc;
        try (JsonParser parser = Json.parser(text)) {
            doc = Json.next(parser);
            if (doc == null) {
                throw new NotACopySet("copyset.empty");
            }
            if (parser.nextToken() != null) {
                throw new NotACopySet("copyset.several-values", parser.getCurrentLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            throw new NotACopySet("copyset.not-json", e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new NotACopySet("copyset.unreadable", e.getMessage());
        }
        if (!doc.isObject()) {
            throw new NotACopySet("copyset.not-an-object");
        }
        JsonNode copies = doc.get("copies");
        if (copies == null && doc.has("images")) {
            throw new NotACopySet("copyset.status-output");
        }
        if (copies == null || !copies.isArray()) {
            throw new NotACopySet("copyset.no-copies");
        }
        List<Copy> list = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        for (int i = 0; i < copies.size(); i++) {
            String where = "copies[" + i + "]";
            Copy c = copy(copies.get(i), where);
            if (regions.contains(c.region())) {
                throw new NotACopySet("copyset.region-twice", where, c.region());
            }
            regions.add(c.region());
            list.add(c);
        }
        return new CopySet(text(doc, "sourceRegion", null, false), text(doc, "sourceImageId", null, false), list);
    }

    private static Copy copy(JsonNode o, String where) throws NotACopySet {
        if (!o.isObject()) {
            throw new NotACopySet("copyset.item-not-object", where);
        }
        JsonNode reused = o.get("reused");
        if (reused != null && !reused.isNull() && !reused.isBoolean()) {
            throw new NotACopySet("copyset.reused", where);
        }
        return new Copy(text(o, "region", where, true), text(o, "imageId", where, false),
                text(o, "status", where, true), integer(o, "progress", where), null, text(o, "requestId", where, false),
                text(o, "clientToken", where, false), reused != null && reused.asBoolean(),
                accounts(o.get("sharedWith"), where), error(o.get("error"), where));
    }

    private static List<String> accounts(JsonNode list, String where) throws NotACopySet {
        if (list == null || list.isNull()) {
            return null;
        }
        if (!list.isArray()) {
            throw new NotACopySet("copyset.shared-with-list", where);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : list) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw new NotACopySet("copyset.shared-with-ids", where);
            }
            ids.add(id.asText());
        }
        return ids;
    }

    private static CopyError error(JsonNode e, String where) throws NotACopySet {
        if (e == null || e.isNull()) {
            return null;
        }
        String at = where + ".error";
        if (!e.isObject()) {
            throw new NotACopySet("copyset.error-not-object", at);
        }
        Integer exit = integer(e, "exitStatus", at);
        if (exit == null) {
            throw new NotACopySet("copyset.missing", at, "exitStatus");
        }
        return new CopyError(text(e, "code", at, true), text(e, "message", at, false), text(e, "requestId", at, false),
                integer(e, "httpStatus", at), exit);
    }

    /** @param where the copy ({@code copies[2]}), or null for the document itself */
    private static String text(JsonNode o, String field, String where, boolean required) throws NotACopySet {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new NotACopySet("copyset.missing", where, field);
            }
            return null;
        }
        if (required && (!v.isTextual() || v.asText().isBlank())) {
            throw new NotACopySet("copyset.not-text.required", where, field);
        }
        if (!v.isTextual()) {
            throw where == null ? new NotACopySet("copyset.not-text.document", field)
                    : new NotACopySet("copyset.not-text", where, field);
        }
        return v.asText();
    }

    private static Integer integer(JsonNode o, String field, String where) throws NotACopySet {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new NotACopySet("copyset.not-a-number", where, field);
        }
        return v.asInt();
    }
}
