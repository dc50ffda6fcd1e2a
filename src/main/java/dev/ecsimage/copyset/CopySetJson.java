package dev.ecsimage.copyset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The text is not a copy set document; the message says why, for the user. */
    public static final class NotACopySet extends Exception {
        NotACopySet(String reason) {
            super(reason, null, false, false);
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
        try (JsonParser parser = MAPPER.createParser(text)) {
            doc = parser.readValueAsTree();
            if (doc == null) {
                throw new NotACopySet("it is empty");
            }
            if (parser.nextToken() != null) {
                throw new NotACopySet("more than one JSON value (line " + parser.getCurrentLocation().getLineNr()
                        + "): one run of 'copy -o json' writes one document");
            }
        } catch (JsonProcessingException e) {
            throw new NotACopySet("not JSON: it breaks off, or has a syntax error, at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new NotACopySet("unreadable: " + e.getMessage());
        }
        if (!doc.isObject()) {
            throw new NotACopySet("not a JSON object");
        }
        JsonNode copies = doc.get("copies");
        if (copies == null && doc.has("images")) {
            throw new NotACopySet("it is what 'status -o json' prints (\"images\"), not a copy set (\"copies\")");
        }
        if (copies == null || !copies.isArray()) {
            throw new NotACopySet("it has no \"copies\" list");
        }
        List<Copy> list = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        for (int i = 0; i < copies.size(); i++) {
            String where = "copies[" + i + "]";
            Copy c = copy(copies.get(i), where);
            if (regions.contains(c.region())) {
                throw new NotACopySet(where + ": region " + c.region() + " is listed twice");
            }
            regions.add(c.region());
            list.add(c);
        }
        return new CopySet(text(doc, "sourceRegion", "the document", false),
                text(doc, "sourceImageId", "the document", false), list);
    }

    private static Copy copy(JsonNode o, String where) throws NotACopySet {
        if (!o.isObject()) {
            throw new NotACopySet(where + " is not an object");
        }
        JsonNode reused = o.get("reused");
        if (reused != null && !reused.isNull() && !reused.isBoolean()) {
            throw new NotACopySet(where + ": \"reused\" must be true or false");
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
            throw new NotACopySet(where + ": \"sharedWith\" must be a list of account ids or null");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : list) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw new NotACopySet(where + ": \"sharedWith\" must hold account ids (non-empty strings)");
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
            throw new NotACopySet(at + " must be an object or null");
        }
        Integer exit = integer(e, "exitStatus", at);
        if (exit == null) {
            throw new NotACopySet(at + ": \"exitStatus\" is missing");
        }
        return new CopyError(text(e, "code", at, true), text(e, "message", at, false), text(e, "requestId", at, false),
                integer(e, "httpStatus", at), exit);
    }

    private static String text(JsonNode o, String field, String where, boolean required) throws NotACopySet {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new NotACopySet(where + ": \"" + field + "\" is missing");
            }
            return null;
        }
        if (!v.isTextual() || (required && v.asText().isBlank())) {
            throw new NotACopySet(where + ": \"" + field + "\" must be " + (required ? "a non-empty string" : "a string"));
        }
        return v.asText();
    }

    private static Integer integer(JsonNode o, String field, String where) throws NotACopySet {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new NotACopySet(where + ": \"" + field + "\" must be a whole number");
        }
        return v.asInt();
    }
}
