package dev.ecsimage.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsimage.transport.RawResponse;
import dev.ecsimage.transport.TokenRedaction;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the service's JSON answers. Lenient where the service is (unknown fields ignored,
 * numbers as strings, {@code "47%"}), strict about shape: anything that is not a JSON object
 * becomes an {@link EcsException} that names the HTTP status and the start of the body.
 */
final class ResponseParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODY_PREVIEW = 120;

    private ResponseParser() {}

    /** The answer's JSON on success; the service's error, or a clear one for an unreadable body. */
    static JsonNode parse(RawResponse raw) {
        JsonNode node;
        try {
            node = raw.body().isBlank() ? null : JSON.readTree(raw.body());
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw EcsException.badResponse(raw.status(), "unexpected answer from " + raw.endpoint() + ": HTTP "
                    + raw.status() + ", " + preview(raw.body()));
        }
        boolean ok = raw.status() >= 200 && raw.status() < 300;
        if (!ok) {
            String code = text(node, "Code");
            if (code == null) {
                throw EcsException.badResponse(raw.status(), "unexpected answer from " + raw.endpoint()
                        + ": HTTP " + raw.status() + " without an error code, " + preview(raw.body()));
            }
            String message = text(node, "Message");
            throw new EcsException(code, message == null ? "no message" : TokenRedaction.redact(message),
                    text(node, "RequestId"), raw.status(), text(node, "Recommend"));
        }
        return node;
    }

    static String preview(String body) {
        if (body.isBlank()) {
            return "empty body";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return "body starts with \"" + (flat.length() > BODY_PREVIEW ? flat.substring(0, BODY_PREVIEW) + "..." : flat) + "\"";
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A number that may arrive as 47, "47", "47%" or not at all. */
    static Long number(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        s = s.trim();
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        try {
            return (long) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static List<Image> images(String region, JsonNode answer) {
        List<Image> images = new ArrayList<>();
        for (JsonNode i : answer.path("Images").path("Image")) {
            Long progress = number(i, "Progress");
            Long remaining = null;
            for (JsonNode disk : i.path("DiskDeviceMappings").path("DiskDeviceMapping")) {
                Long r = number(disk, "RemainTime");
                if (r != null && (remaining == null || r > remaining)) {
                    remaining = r;
                }
            }
            images.add(new Image(region, text(i, "ImageId"), text(i, "ImageName"), text(i, "Status"),
                    progress == null ? null : progress.intValue(), remaining, text(i, "ImageOwnerAlias"), tags(i)));
        }
        return images;
    }

    /** {@code Tags.Tag[]} ({@code TagKey}, {@code TagValue}) in order; a tag without a key is skipped. */
    private static Map<String, String> tags(JsonNode image) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : image.path("Tags").path("Tag")) {
            String key = text(tag, "TagKey");
            if (key != null) {
                String value = text(tag, "TagValue");
                tags.put(key, value == null ? "" : value);
            }
        }
        return tags;
    }

    static List<EcsRegion> regions(JsonNode answer) {
        List<EcsRegion> regions = new ArrayList<>();
        for (JsonNode r : answer.path("Regions").path("Region")) {
            regions.add(new EcsRegion(text(r, "RegionId"), text(r, "LocalName"), text(r, "RegionEndpoint"),
                    text(r, "Status")));
        }
        return regions;
    }

    static List<SharedAccount> sharedAccounts(JsonNode answer) {
        List<SharedAccount> accounts = new ArrayList<>();
        for (JsonNode a : answer.path("Accounts").path("Account")) {
            String id = text(a, "AliyunId");
            if (id != null) {
                accounts.add(new SharedAccount(id, instant(text(a, "SharedTime"))));
            }
        }
        return accounts;
    }

    /** An ISO-8601 time such as {@code 2023-01-01T12:05:00Z}; null when absent or unreadable. */
    private static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
